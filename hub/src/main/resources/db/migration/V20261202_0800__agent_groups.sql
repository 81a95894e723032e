-- Groups: the queues tickets are in (first line, second line, engineers...); an employee may be in several. One group
-- is the escalation target ("escalate" moves a ticket there, "send back" returns it to the group it came from). A
-- hidden group keeps its tickets but takes no new ones and cannot be chosen for a move.
create table agent_group (
    id                bigserial primary key,
    name              text        not null,
    hidden            boolean     not null default false,
    escalation_target boolean     not null default false,
    position          int,
    created_at        timestamptz not null default now()
);
create unique index agent_group_name_key on agent_group (lower(name));
create unique index agent_group_one_escalation_target on agent_group (escalation_target) where escalation_target;

create table agent_group_member (
    group_id bigint not null references agent_group on delete cascade,
    agent_id bigint not null references agent on delete cascade,
    primary key (group_id, agent_id)
);
create index agent_group_member_agent on agent_group_member (agent_id);

-- The employees told of a ticket arriving in the group's queue unassigned.
create table agent_group_notify (
    group_id bigint not null references agent_group on delete cascade,
    agent_id bigint not null references agent on delete cascade,
    primary key (group_id, agent_id)
);

-- Today's two lines become two groups, the second the escalation target, and each agent's line a membership.
insert into agent_group (name, escalation_target, position) values ('First line', false, 1), ('Second line', true, 2);
insert into agent_group_member (group_id, agent_id)
select g.id, a.id from agent a join agent_group g on g.position = a.line;

-- The default group of new tickets (see settings): the first line, as today.
insert into setting (key, value, updated_at)
select 'default_group_id', to_jsonb(id), now() from agent_group where position = 1
on conflict (key) do nothing;

-- The ticket's group and, for "send back", the group it was escalated from. Nullable without a default and with the
-- foreign keys not validated here (validated by V20261202_0802 without blocking writes), so this changes no row and
-- holds ticket's lock only for a moment. ticket.line stays, written by the hub as the group's line (2 in the
-- escalation group) for older readers; the hub derives line from the group.
alter table ticket add column group_id bigint;
alter table ticket add column escalated_from_group_id bigint;
alter table ticket add constraint ticket_group_id_fkey foreign key (group_id) references agent_group not valid;
alter table ticket add constraint ticket_escalated_from_group_id_fkey foreign key (escalated_from_group_id)
    references agent_group not valid;

-- The groups the two lines became, for the back-fill and for readers of tickets it has not reached yet.
insert into setting (key, value, updated_at)
select 'line_groups', jsonb_build_object('1', (select id from agent_group where position = 1),
                                         '2', (select id from agent_group where position = 2)), now();

-- The tickets written before: their group from their line, by the back-fill job. Until it is finished, readers take
-- the line's group for a ticket without one (see GroupQueries.lineGroups). On a new database there is nothing to fill.
insert into backfill (name, table_name, set_clause, pending, end_id, finished_at)
select 'ticket_group', 'ticket',
       format('group_id = case line when 2 then %s else %s end',
              (select id from agent_group where position = 2), (select id from agent_group where position = 1)),
       'group_id is null', coalesce(max(id), 0), case when max(id) is null then now() end
from ticket;
