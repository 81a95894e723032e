-- The inbox lists read one index scan per status, each stopping after a page: an index leading with the column a list
-- filters on, then the status, in the lists' order (the status-only and line lists have theirs since the start).
-- The assignee's index with the status replaces the one without. Built concurrently, so that a running hub keeps
-- ingesting: Flyway runs a script made only of such statements outside a transaction.
create index concurrently ticket_assignee_status_inbox on ticket (assignee_id, status, last_message_at desc, id desc);
create index concurrently ticket_unassigned_inbox on ticket (line, status, last_message_at desc, id desc) where assignee_id is null;
create index concurrently ticket_channel_inbox on ticket (channel, status, last_message_at desc, id desc);
create index concurrently ticket_priority_inbox on ticket (priority_id, status, last_message_at desc, id desc);
drop index concurrently ticket_assignee_inbox;
