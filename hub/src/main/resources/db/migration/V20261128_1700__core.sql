-- Core schema: agents and their sessions, contacts and addresses, tickets, messages, attachments,
-- the timeline, the outbox, settings and the lists admins edit.

create table agent (
    id             bigserial primary key,
    email          text        not null,
    name           text        not null,
    password_hash  text        not null,
    role           text        not null check (role in ('admin', 'agent')),
    line           smallint    not null default 1 check (line in (1, 2)),
    active         boolean     not null default true,
    api_token_hash text unique,
    created_at     timestamptz not null default now()
);
create unique index agent_email_key on agent (lower(email));

create table agent_session (
    token_hash  text primary key,
    agent_id    bigint      not null references agent on delete cascade,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);
create index agent_session_agent on agent_session (agent_id);

create table contact (
    id         bigserial primary key,
    name       text,
    language   text,
    created_at timestamptz not null,
    search     tsvector    not null default ''::tsvector
);
create index contact_search on contact using gin (search);

-- One row per address a contact can be reached at. last_ticket_id is the ticket most recently
-- messaged on this address (either way): threading's first lookup.
create table contact_address (
    id                 bigserial primary key,
    contact_id         bigint      not null references contact on delete cascade,
    kind               text        not null check (kind in ('phone', 'email', 'telegram', 'viber', 'api')),
    value              text        not null,
    unreachable_reason text,
    unreachable_at     timestamptz,
    last_ticket_id     bigint,
    created_at         timestamptz not null,
    unique (kind, value)
);
create index contact_address_contact on contact_address (contact_id);

create table ticket_type (
    id       bigserial primary key,
    name     text     not null unique,
    internal boolean  not null default false,
    position int      not null default 0
);
insert into ticket_type (name, internal, position) values
    ('question', false, 1), ('incident', false, 2), ('request', false, 3), ('internal', true, 4);

create table ticket_priority (
    id       bigserial primary key,
    name     text not null unique,
    position int  not null default 0
);
insert into ticket_priority (name, position) values ('low', 1), ('normal', 2), ('high', 3), ('urgent', 4);

create table custom_status (
    id         bigserial primary key,
    name       text not null unique,
    base_state text not null check (base_state in ('open', 'pending', 'awaiting_reply', 'postponed', 'resolved', 'closed'))
);

create sequence ticket_number_seq start with 1001;

create table ticket (
    id                bigserial primary key,
    number            bigint      not null unique default nextval('ticket_number_seq'),
    subject           text        not null,
    status            text        not null check (status in ('open', 'pending', 'awaiting_reply', 'postponed', 'resolved', 'closed')),
    custom_status_id  bigint references custom_status,
    line              smallint    not null default 1 check (line in (1, 2)),
    assignee_id       bigint references agent,
    type_id           bigint references ticket_type,
    priority_id       bigint references ticket_priority,
    contact_id        bigint      not null references contact,
    channel           text        not null,
    follow_up_of      bigint references ticket,
    postponed_until   timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    archived_at       timestamptz,
    last_message_at   timestamptz not null,
    last_message_in   boolean     not null default true,
    waiting_since     timestamptz,
    rating            smallint check (rating between 1 and 5),
    rating_comment    text,
    search            tsvector    not null default ''::tsvector
);
-- The inbox: every list is an index scan with keyset paging on (last_message_at, id).
create index ticket_inbox on ticket (last_message_at desc, id desc);
create index ticket_status_inbox on ticket (status, last_message_at desc, id desc);
create index ticket_assignee_inbox on ticket (assignee_id, last_message_at desc, id desc);
create index ticket_line_inbox on ticket (line, status, last_message_at desc, id desc);
create index ticket_contact on ticket (contact_id, created_at desc);
create index ticket_postponed on ticket (postponed_until) where status = 'postponed';
create index ticket_resolved on ticket (resolved_at) where status = 'resolved';
create index ticket_search on ticket using gin (search);

alter table contact_address add foreign key (last_ticket_id) references ticket on delete set null;

create table message (
    id                bigserial primary key,
    ticket_id         bigint      not null references ticket on delete cascade,
    direction         text        not null check (direction in ('in', 'out')),
    visibility        text        not null check (visibility in ('public', 'internal')),
    channel           text,
    address_id        bigint references contact_address,
    author_agent_id   bigint references agent,
    text              text        not null,
    html              text,
    external_id       text,
    delivery_state    text check (delivery_state in ('queued', 'sent', 'delivered', 'read', 'failed')),
    delivery_error    text,
    automated         boolean     not null default false,
    edited_at         timestamptz,
    created_at        timestamptz not null
);
-- Idempotency: a provider's message id is unique within its channel.
create unique index message_external_id on message (channel, external_id) where external_id is not null;
create index message_ticket on message (ticket_id, id);

create table attachment (
    id           bigserial primary key,
    message_id   bigint      not null references message on delete cascade,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    content_id   text,
    inline       boolean     not null default false,
    data         bytea       not null,
    created_at   timestamptz not null
);
create index attachment_message on attachment (message_id);

create table ticket_event (
    id              bigserial primary key,
    ticket_id       bigint      not null references ticket on delete cascade,
    kind            text        not null,
    actor_agent_id  bigint references agent,
    actor           text        not null,
    from_status     text,
    to_status       text,
    detail          jsonb,
    created_at      timestamptz not null
);
create index ticket_event_ticket on ticket_event (ticket_id, id);

create table outbox (
    id              bigserial primary key,
    message_id      bigint      not null unique references message on delete cascade,
    channel         text        not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null
);
create index outbox_due on outbox (next_attempt_at);

create table setting (
    key        text primary key,
    value      jsonb       not null,
    updated_at timestamptz not null default now()
);

-- Payloads a provider sent that can never be processed: acknowledged, kept here for review.
create table unprocessed_payload (
    id          bigserial primary key,
    channel     text        not null,
    payload     text        not null,
    reason      text        not null,
    received_at timestamptz not null
);

create table canned_group (
    id       bigserial primary key,
    name     text not null,
    position int  not null default 0
);

create table canned_reply (
    id       bigserial primary key,
    group_id bigint not null references canned_group on delete cascade,
    title    text   not null,
    body     text   not null,
    position int    not null default 0
);
create index canned_reply_group on canned_reply (group_id, position);
