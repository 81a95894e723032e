-- The Watching view (open, pending, awaiting reply, postponed) starts from what the employee watches; a group that
-- observes every ticket it is consulted on watches thousands over a year, nearly all closed, and reading each of them
-- to drop the closed ones made the view cost a quarter of a second at a million tickets. ticket_observer keeps
-- whether its ticket is closed (a ticket closes once and rarely reopens, so this is written on those changes only,
-- never on a message), and the view reads the observations of tickets not closed from an index of their own.
-- ticket_observer is small (what people watch, not every ticket): a constant default and these indexes are quick.
alter table ticket_observer add column ticket_closed boolean not null default false;
update ticket_observer o set ticket_closed = true from ticket t where t.id = o.ticket_id and t.status = 'closed';

create index ticket_observer_ticket on ticket_observer (ticket_id);
create index ticket_observer_open_by_agent on ticket_observer (agent_id, ticket_id)
    where agent_id is not null and not ticket_closed;
create index ticket_observer_open_by_group on ticket_observer (group_id, ticket_id)
    where group_id is not null and not ticket_closed;

create function ticket_observer_closed_on_insert() returns trigger language plpgsql as $$
begin
    new.ticket_closed := exists (select 1 from ticket where id = new.ticket_id and status = 'closed');
    return new;
end $$;

create trigger ticket_observer_closed before insert on ticket_observer
    for each row execute function ticket_observer_closed_on_insert();

create function ticket_closed_to_observers() returns trigger language plpgsql as $$
begin
    update ticket_observer set ticket_closed = (new.status = 'closed') where ticket_id = new.id;
    return null;
end $$;

create trigger ticket_closed_to_observers after update of status on ticket for each row
    when ((old.status = 'closed') is distinct from (new.status = 'closed'))
    execute function ticket_closed_to_observers();
