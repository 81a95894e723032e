-- Types, priorities and statuses get a colour and a position; the base states become rows of custom_status
-- ("system" statuses) so that they too can be renamed, coloured and ordered. Their base meaning never changes: a
-- ticket in a base state still has no custom_status_id, and its status's name is read from its system row.
-- Only the three small catalog tables change; ticket is not touched.
alter table ticket_type add column color text not null default '#64748b';
alter table ticket_priority add column color text not null default '#64748b';
alter table custom_status
    add column color           text    not null default '#64748b',
    add column position        int     not null default 0,
    add column system          boolean not null default false,
    -- Flags of CONTRACT.md's PATCH /api/statuses/{id}, stored for the SLA and load issues; null: not set.
    add column pauses_sla      boolean,
    add column counts_for_load boolean;

update ticket_priority set color = case name when 'low' then '#cbd5e1' when 'normal' then '#93c5fd'
    when 'high' then '#f59e0b' when 'urgent' then '#dc2626' else color end;
update ticket_type set color = case name when 'question' then '#3b82f6' when 'incident' then '#dc2626'
    when 'request' then '#16a34a' when 'internal' then '#6b7280' else color end;

-- Existing custom statuses keep their old order (by base state, then name), after the six base states.
update custom_status c set position = 6 + o.n
from (select id, row_number() over (order by array_position(
        array['open', 'pending', 'awaiting_reply', 'postponed', 'resolved', 'closed'], base_state), name) as n
      from custom_status) o
where c.id = o.id;

-- A custom status already named like a base state's label gives the base state's row a distinct name.
insert into custom_status (name, base_state, system, color, position)
select case when exists (select 1 from custom_status c where lower(c.name) = lower(v.name)) then v.name || ' (base)'
            else v.name end,
       v.base_state, true, v.color, v.position
from (values ('Open', 'open', '#2f5fd0', 1), ('Pending', 'pending', '#a4670b', 2),
             ('Awaiting reply', 'awaiting_reply', '#6a46c9', 3), ('Postponed', 'postponed', '#5b6472', 4),
             ('Resolved', 'resolved', '#217a50', 5), ('Closed', 'closed', '#777777', 6))
     as v (name, base_state, color, position);

create unique index custom_status_one_system_row on custom_status (base_state) where system;
