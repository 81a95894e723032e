-- message_channel_latest (0401) led with the channel, and the inbound messages' dedup lookup (channel, external_id),
-- whose generic plan each connection caches, took it instead of message_external_id once it had been planned on a
-- small table: each lookup then read every message of its channel (1.1 billion index entries in five minutes of the
-- ingestion benchmark, HTTP at a tenth of its pace). The health figures get an index whose key is the channel and the
-- direction as one value, which no other query's condition matches. Concurrently, outside a transaction (.conf).
create index concurrently if not exists message_channel_direction_latest
    on message ((channel || ':' || direction), created_at desc);
drop index concurrently if exists message_channel_latest;
