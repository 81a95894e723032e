-- The group filters' lists, one index scan per status as the other lists (see V20261202_0030), and the unassigned
-- tickets of groups ("my groups' unassigned"). Built concurrently, outside a transaction (see the .conf).
create index concurrently if not exists ticket_group_inbox on ticket (group_id, status, last_message_at desc, id desc);
create index concurrently if not exists ticket_group_unassigned_inbox on ticket (group_id, status, last_message_at desc, id desc)
    where assignee_id is null;
