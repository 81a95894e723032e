-- The due-time sort and the Overdue / Due today views, and the warnings job's claim. Both partial: only open tickets
-- whose clock runs have a due time, only tickets with something to send an alert time. Built concurrently, outside a
-- transaction (see the .conf), so a running hub keeps ingesting.
create index concurrently if not exists ticket_sla_due on ticket (sla_due_at, id) where sla_due_at is not null;
create index concurrently if not exists ticket_sla_alert on ticket (sla_alert_at) where sla_alert_at is not null;
