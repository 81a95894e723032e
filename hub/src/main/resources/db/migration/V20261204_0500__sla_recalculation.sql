-- Recalculations of open tickets' planned times after a calendar, an SLA rule or the defaults changed (issue 20).
-- Each change asks for one; a newer request supersedes the ones not finished (it covers every open ticket again).
-- The runner works through ticket ids in batches: next_id is where it resumes after a restart or on another node.
create table sla_recalculation (
    id           bigserial primary key,
    reason       text        not null,
    requested_by bigint      references agent on delete set null,
    state        text        not null default 'pending' check (state in ('pending', 'running', 'done', 'superseded')),
    next_id      bigint      not null default 0,
    end_id       bigint,
    done         int         not null default 0,
    failed       int         not null default 0,
    total        int,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz
);
-- at most one request waits or runs at a time
create unique index sla_recalculation_one_active on sla_recalculation ((true)) where state in ('pending', 'running');
