-- Service calendars (issue 19): weekly working hours and exception days in a time zone; one is the company's default.
create table calendar (
    id          bigserial primary key,
    name        text        not null,
    time_zone   text        not null,
    is_default  boolean     not null default false,
    -- {"mon": [["09:00", "18:00"]], ...}: the seven weekdays, each a list of [from, to] in local time, to may be 24:00
    hours       jsonb       not null,
    -- [{"date": "2026-12-31", "hours": [["09:00", "14:00"]]}, {"date": "2027-01-01", "hours": []}] in date order
    exceptions  jsonb       not null default '[]',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create unique index calendar_name_key on calendar (lower(name));
-- at most one default calendar
create unique index calendar_one_default on calendar (is_default) where is_default;
