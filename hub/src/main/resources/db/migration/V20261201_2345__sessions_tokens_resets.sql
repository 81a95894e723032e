-- Sessions get an id (an agent lists and ends them), when they were last used (they end after SESSION_IDLE_MINUTES
-- unused) and where from. API tokens move to a table of their own, with a name and an optional expiry; the one token
-- an agent had becomes the token named 'default'. An admin's reset leaves the agent to choose a new password at the
-- next login; "forgot password" links are one-time tokens, stored hashed.
alter table agent_session
    add column id             bigserial,
    add column last_used_at   timestamptz,
    add column client_address text,
    add column user_agent     text;
update agent_session set last_used_at = created_at;
alter table agent_session alter column last_used_at set not null;
create unique index agent_session_id on agent_session (id);

create table agent_token (
    id           bigserial primary key,
    agent_id     bigint      not null references agent on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    unique (agent_id, name)
);
insert into agent_token (agent_id, name, token_hash, created_at)
select id, 'default', api_token_hash, now() from agent where api_token_hash is not null;
alter table agent drop column api_token_hash;

alter table agent add column must_change_password boolean not null default false;

create table password_reset (
    token_hash text primary key,
    agent_id   bigint      not null references agent on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_reset_agent on password_reset (agent_id, created_at);
