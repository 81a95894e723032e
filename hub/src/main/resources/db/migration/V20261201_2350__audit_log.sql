-- What admins change and who logs in: who (the agent, and the email as it was then or as typed at a failed login),
-- when, from which client address, what (an action such as 'agent.updated' and its target such as 'agent:7') and how
-- (the target's JSON before and after). Agents are never deleted, but the email is kept so a row reads on its own.
-- "C" collation on action: the filter by a prefix ('login' for 'login.failed' and 'login.succeeded') uses its index.
create table audit_log (
    id             bigserial primary key,
    at             timestamptz not null,
    actor_agent_id bigint,
    actor_email    text,
    action         text collate "C" not null,
    target         text,
    client_address text,
    note           text,
    before         jsonb,
    after          jsonb
);

create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor_agent_id, id);
create index audit_log_actor_email on audit_log (lower(actor_email), id);
create index audit_log_action on audit_log (action, id);
