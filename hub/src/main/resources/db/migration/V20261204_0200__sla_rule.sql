-- SLA rules (issue 20): an ordered list, top down the first enabled rule whose conditions all hold gives the ticket's
-- calendar and standards; else the account's defaults. Each condition is "any of" a set, an empty set is no condition.
-- The id sets are checked when written, not by foreign keys: an id whose row was deleted later simply never matches.
create table sla_rule (
    id                 bigserial primary key,
    name               text        not null,
    position           int         not null,
    enabled            boolean     not null default true,
    type_ids           bigint[]    not null default '{}',
    priority_ids       bigint[]    not null default '{}',
    category_ids       bigint[]    not null default '{}',
    company_ids        bigint[]    not null default '{}',
    channels           text[]      not null default '{}',
    -- ISO weekdays, 1 = Monday ... 7 = Sunday, of the registration in the rule's calendar's zone
    weekdays           smallint[]  not null default '{}',
    -- local time of day in seconds, [time_from, time_to); to may be 86400 (24:00); from > to wraps past midnight
    time_from          int check (time_from between 0 and 86399),
    time_to            int check (time_to between 1 and 86400),
    -- null: the company's default calendar at the time of use
    calendar_id        bigint references calendar,
    -- working seconds; null: no such standard
    response_seconds   int check (response_seconds >= 0),
    resolution_seconds int check (resolution_seconds >= 0),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    constraint sla_rule_time_both check ((time_from is null and time_to is null) or time_from <> time_to)
);
create index sla_rule_calendar on sla_rule (calendar_id) where calendar_id is not null;

-- The account's defaults: one row at most (absent, or all null: no defaults).
create table sla_defaults (
    only_row           boolean primary key default true check (only_row),
    calendar_id        bigint references calendar,
    response_seconds   int check (response_seconds >= 0),
    resolution_seconds int check (resolution_seconds >= 0),
    updated_at         timestamptz not null default now()
);

-- ticket is big: the constraint is added without checking existing rows (every sla_rule_id is null so far).
alter table ticket add constraint ticket_sla_rule_fk foreign key (sla_rule_id) references sla_rule on delete set null not valid;
