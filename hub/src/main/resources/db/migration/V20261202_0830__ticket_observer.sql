-- Employees and groups watching a ticket (issue 16, item 5). A new table, so its indexes are built at once.
-- group_id gets its foreign key to agent_group in a later migration, once the groups' schema is in.
create table ticket_observer (
    id        bigserial primary key,
    ticket_id bigint      not null references ticket on delete cascade,
    agent_id  bigint      references agent,
    group_id  bigint,
    added_by  bigint      references agent,
    added_at  timestamptz not null default now(),
    constraint ticket_observer_one_kind check ((agent_id is null) <> (group_id is null))
);
create unique index ticket_observer_agent_key on ticket_observer (ticket_id, agent_id) where agent_id is not null;
create unique index ticket_observer_group_key on ticket_observer (ticket_id, group_id) where group_id is not null;
-- The "Watching" list and its count start from the watcher: the tickets one agent (or one group) watches.
create index ticket_observer_by_agent on ticket_observer (agent_id, ticket_id) where agent_id is not null;
create index ticket_observer_by_group on ticket_observer (group_id, ticket_id) where group_id is not null;
