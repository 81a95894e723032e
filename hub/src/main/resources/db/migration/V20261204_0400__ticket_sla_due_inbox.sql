-- The due-time order (sort=due, views Overdue and Due today) reads one index scan per status, as the other inbox lists
-- do (V20261202_0030), each in due order and stopping after a page: with the status, the assignee's or the group's
-- lists too. ticket_sla_due alone served a page of "all open" but not of "overdue" (the planner took a bitmap of every
-- overdue ticket and sorted it: 330 ms at a million tickets with 30,000 overdue, against 1 ms for these). Partial, as
-- only tickets whose clock runs have a due time; built concurrently, outside a transaction (see the .conf).
create index concurrently if not exists ticket_sla_due_status on ticket (status, sla_due_at, id) where sla_due_at is not null;
create index concurrently if not exists ticket_sla_due_assignee on ticket (assignee_id, status, sla_due_at, id)
    where sla_due_at is not null;
create index concurrently if not exists ticket_sla_due_group on ticket (group_id, status, sla_due_at, id)
    where sla_due_at is not null;
