-- The client base (issue 17): client categories, companies with their domains, observers and the companies a contact
-- of theirs may supervise; contacts gain a company, a responsible manager, observers, notes and a merge pointer;
-- tickets gain the company they were registered for. contact and ticket are big tables: their new columns are nullable
-- without a default and their foreign keys are added NOT VALID (validated by V20261202_0902 without blocking writes),
-- so this rewrites no row and holds their locks only for a moment.

create table client_category (
    id         bigserial primary key,
    name       text        not null,
    position   int,
    created_at timestamptz not null default now()
);
create unique index client_category_name_key on client_category (lower(name));
insert into client_category (name, position) values ('Client', 1), ('Partner', 2), ('VIP client', 3);

-- A company's manager is an employee or a group, never both. Its own emails and phones (E.164) are where a
-- notification to one of its contacts without an email of their own may go.
create table company (
    id               bigserial primary key,
    name             text        not null,
    category_id      bigint      references client_category on delete set null,
    manager_agent_id bigint      references agent,
    manager_group_id bigint      references agent_group on delete set null,
    emails           text[]      not null default '{}',
    phones           text[]      not null default '{}',
    notes            text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint company_one_manager check (manager_agent_id is null or manager_group_id is null)
);
create unique index company_name_key on company (lower(name));
create index company_category on company (category_id);

-- A domain belongs to at most one company; stored lower-case (matching is case-insensitive). Free-mail domains are
-- refused by the hub (contact/FreeMailDomains), not here, so the list can grow without a migration.
create table company_domain (
    domain     text   primary key check (domain = lower(domain)),
    company_id bigint not null references company on delete cascade
);
create index company_domain_company on company_domain (company_id);

create table company_observer (
    id         bigserial primary key,
    company_id bigint not null references company on delete cascade,
    agent_id   bigint references agent on delete cascade,
    group_id   bigint references agent_group on delete cascade,
    constraint company_observer_one_kind check ((agent_id is null) <> (group_id is null))
);
create unique index company_observer_agent_key on company_observer (company_id, agent_id) where agent_id is not null;
create unique index company_observer_group_key on company_observer (company_id, group_id) where group_id is not null;

-- The companies whose tickets a contact of this company may see in the portal (a later issue).
create table company_supervision (
    company_id            bigint not null references company on delete cascade,
    supervised_company_id bigint not null references company on delete cascade,
    primary key (company_id, supervised_company_id),
    constraint company_supervision_not_itself check (company_id <> supervised_company_id)
);

-- company_source says who put the contact in its company: 'person' (an employee or an import: never overwritten by
-- domain matching) or 'domain' (matched from a mail sender's authenticated domain). merged_into_id: a merged contact
-- stays, pointing to the contact it was merged into.
alter table contact add column company_id bigint;
alter table contact add column company_source text;
alter table contact add column manager_agent_id bigint;
alter table contact add column manager_group_id bigint;
alter table contact add column notes text;
alter table contact add column merged_into_id bigint;
alter table contact add column merged_at timestamptz;
alter table contact add constraint contact_company_id_fkey foreign key (company_id) references company on delete set null not valid;
alter table contact add constraint contact_manager_agent_id_fkey foreign key (manager_agent_id) references agent not valid;
alter table contact add constraint contact_manager_group_id_fkey foreign key (manager_group_id)
    references agent_group on delete set null not valid;
alter table contact add constraint contact_merged_into_id_fkey foreign key (merged_into_id) references contact not valid;
alter table contact add constraint contact_one_manager check (manager_agent_id is null or manager_group_id is null) not valid;
alter table contact add constraint contact_company_source_check
    check (company_source is null or company_source in ('person', 'domain')) not valid;

create table contact_observer (
    id         bigserial primary key,
    contact_id bigint not null references contact on delete cascade,
    agent_id   bigint references agent on delete cascade,
    group_id   bigint references agent_group on delete cascade,
    constraint contact_observer_one_kind check ((agent_id is null) <> (group_id is null))
);
create unique index contact_observer_agent_key on contact_observer (contact_id, agent_id) where agent_id is not null;
create unique index contact_observer_group_key on contact_observer (contact_id, group_id) where group_id is not null;

-- The history shown on contact and company cards: edits, addresses added and removed, company changes, merges
-- (on both contacts' cards), imports. detail holds what changed.
create table client_event (
    id             bigserial primary key,
    contact_id     bigint      references contact,
    company_id     bigint      references company on delete cascade,
    kind           text        not null,
    actor_agent_id bigint      references agent,
    detail         jsonb,
    created_at     timestamptz not null default now(),
    constraint client_event_subject check (contact_id is not null or company_id is not null)
);
create index client_event_contact on client_event (contact_id, id desc) where contact_id is not null;
create index client_event_company on client_event (company_id, id desc) where company_id is not null;

alter table ticket add column company_id bigint;
alter table ticket add constraint ticket_company_id_fkey foreign key (company_id) references company on delete set null not valid;

-- A new ticket is the contact's company's unless its writer chose one, whatever path registers it and whichever
-- node writes it. Moving a contact to another company later leaves its existing tickets where they are.
create function ticket_contact_company() returns trigger language plpgsql as $$
begin
    if new.company_id is null and new.contact_id is not null then
        select c.company_id into new.company_id from contact c where c.id = new.contact_id;
    end if;
    return new;
end $$;

create trigger ticket_contact_company before insert on ticket for each row execute function ticket_contact_company();
