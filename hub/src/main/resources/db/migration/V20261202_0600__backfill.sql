-- Back-fills: a new column on a big table is filled on its existing rows by a job (Backfiller), in batches of ids
-- each in its own short transaction, instead of by one update in a migration that would lock and rewrite millions of
-- rows at once. A migration that needs one inserts its row here; the job fills it and marks it finished.
create table backfill (
    name        text primary key,
    -- The table whose rows are filled; its key must be a bigint column "id".
    table_name  text        not null,
    -- The assignments of "update <table_name> set <set_clause>", or null when Java code fills each batch.
    set_clause  text,
    -- A row of the table still to fill (rows already right, e.g. written by the new code, are skipped).
    pending     text        not null default 'true',
    -- Every id below next_id is done; the job goes on from there after a restart.
    next_id     bigint      not null default 0,
    -- The last id to fill: rows after it are written by the new code. Null: max(id) at the first batch.
    end_id      bigint,
    rows_filled bigint      not null default 0,
    created_at  timestamptz not null default now(),
    started_at  timestamptz,
    updated_at  timestamptz,
    finished_at timestamptz
);
