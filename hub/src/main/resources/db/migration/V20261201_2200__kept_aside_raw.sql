-- A payload kept aside keeps the request as received: the exact body, its content type, the headers needed to parse
-- it (never a secret), whether its signature was verified on receipt, and which path can take it again (source).
-- Rows kept before this have no body nor source and cannot be retried.
alter table unprocessed_payload
    add column body             bytea,
    add column content_type     text,
    add column headers          jsonb,
    add column source           text,
    add column verified         boolean not null default false,
    add column retried_at       timestamptz,
    add column retry_outcome    text,
    add column retry_ticket_ids bigint[];

create index unprocessed_payload_received on unprocessed_payload (received_at);
