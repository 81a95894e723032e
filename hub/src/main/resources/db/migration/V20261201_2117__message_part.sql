-- The parts a message went out in when its channel sent it as several (a long text cut up, a text and its files),
-- each with the provider's id, as the provider accepted it: a retry after a later part failed resumes after the last
-- part delivered, and the provider's news about any part finds the message. A new table: the message table is big.
create table message_part (
    message_id  bigint      not null references message on delete cascade,
    part        integer     not null check (part >= 0),
    channel     text        not null,
    provider_id text,
    sent_at     timestamptz not null,
    primary key (message_id, part)
);

create unique index message_part_provider_id on message_part (channel, provider_id) where provider_id is not null;
