-- Channel health: each channel's last delivery error, written only when a send fails (rare), read by GET /api/channels.
create table channel_error (
    channel    text primary key,
    message    text        not null,
    message_id bigint,
    at         timestamptz not null
);
