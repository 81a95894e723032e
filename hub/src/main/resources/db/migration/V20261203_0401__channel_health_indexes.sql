-- Channel health's figures, each one short index scan: a channel's newest message in and out, and its messages
-- waiting in the outbox. Built concurrently, outside a transaction (see the .conf): message is a big table.
create index concurrently if not exists message_channel_latest on message (channel, direction, created_at desc);
create index concurrently if not exists outbox_channel on outbox (channel);
