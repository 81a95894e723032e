-- SLA on tickets (issue 20): the terms chosen at registration (a rule or the account's defaults), the planned times,
-- the response, and the figures stored when a planned time is met or missed. ticket is a big table: every column is
-- nullable without a default (no rewrite), the hub fills them for new tickets and the recalculation job for open ones.
alter table ticket add column sla_rule_id bigint;                 -- the rule that won; null: the defaults, or no SLA
alter table ticket add column sla_calendar_id bigint;             -- the calendar the planned times count on
alter table ticket add column sla_response_seconds int;           -- the response standard taken (working seconds)
alter table ticket add column sla_resolution_seconds int;         -- the resolution standard taken (working seconds)
alter table ticket add column sla_paused boolean;                 -- true while the ticket's status pauses the SLA
alter table ticket add column response_due_at timestamptz;        -- the planned response time
alter table ticket add column resolution_due_at timestamptz;      -- the planned resolution time
alter table ticket add column resolution_due_by_hand boolean;     -- true: an agent set resolution_due_at, kept as set
alter table ticket add column sla_responded_at timestamptz;       -- when the response was met (reply or status change by an employee)
alter table ticket add column response_working_seconds int;       -- working seconds to the response, stored when met or missed
alter table ticket add column response_diff_seconds int;          -- standard minus those seconds (negative: missed)
alter table ticket add column resolution_working_seconds int;     -- working seconds to resolution, stored when resolved
alter table ticket add column resolution_diff_seconds int;
-- The nearest unmet planned time while the clock runs; null when paused, stopped (resolved, closed), met or without
-- SLA. The inbox sorts by it and its Overdue and Due today views filter on it.
alter table ticket add column sla_due_at timestamptz;
-- When the warnings job must next look at the ticket. Whoever changes a ticket's planned times, pause or response
-- sets it to that moment; the job then plans the next warning or breach notice (or clears it: nothing to send).
alter table ticket add column sla_alert_at timestamptz;

-- Warnings and breach notices sent: once per ticket, kind and planned-time value, whatever the number of nodes.
create table sla_notice (
    ticket_id  bigint      not null references ticket on delete cascade,
    kind       text        not null check (kind in ('response_warning', 'response_breach', 'resolution_warning', 'resolution_breach')),
    due_at     timestamptz not null,
    sent_at    timestamptz not null default now(),
    primary key (ticket_id, kind, due_at)
);
