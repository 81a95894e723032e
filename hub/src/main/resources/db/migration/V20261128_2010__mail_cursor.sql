-- The email channel: how far the IMAP import got in each mailbox (UIDs mean something only within
-- their UIDVALIDITY), written in the transaction that stores the imported mails.
create table mail_cursor (
    mailbox      text primary key,
    uid_validity bigint      not null,
    last_uid     bigint      not null,
    updated_at   timestamptz not null
);

-- Mails from agents' addresses that were sent on to the customer as the agent's public reply, by the
-- mail's Message-ID: a mail imported again (a new UIDVALIDITY) is never sent on twice.
create table mail_agent_reply (
    external_id text primary key,
    message_id  bigint      not null references message on delete cascade,
    created_at  timestamptz not null
);

-- Email notifications to agents (assigned to them, mentioned in a note), written in the transaction
-- that made the change and sent by SMTP after it: agents are not contacts, so these stay out of the
-- customer outbox and the ticket's messages.
create table agent_mail (
    id              bigserial primary key,
    agent_id        bigint      not null references agent on delete cascade,
    ticket_id       bigint      references ticket on delete cascade,
    kind            text        not null,
    subject         text        not null,
    text            text        not null,
    html            text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null
);
create index agent_mail_due on agent_mail (next_attempt_at);
