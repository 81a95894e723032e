-- Deleting an SLA rule sets its tickets' sla_rule_id to null: without this index that is a scan of all tickets.
create index concurrently if not exists ticket_sla_rule on ticket (sla_rule_id) where sla_rule_id is not null;
