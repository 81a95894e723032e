-- The observers' flag of V20261202_0990 covers resolved tickets too: the Watching view shows neither, so its list and
-- its count read only the observations of tickets still being worked on (written when a ticket is resolved, closed or
-- reopened, never on a message). The count then needs no ticket at all.
alter table ticket_observer rename column ticket_closed to ticket_done;
update ticket_observer o set ticket_done = true from ticket t
 where t.id = o.ticket_id and t.status in ('resolved', 'closed') and not o.ticket_done;

create or replace function ticket_observer_closed_on_insert() returns trigger language plpgsql as $$
begin
    new.ticket_done := exists (select 1 from ticket where id = new.ticket_id and status in ('resolved', 'closed'));
    return new;
end $$;

create or replace function ticket_closed_to_observers() returns trigger language plpgsql as $$
begin
    update ticket_observer set ticket_done = (new.status in ('resolved', 'closed')) where ticket_id = new.id;
    return null;
end $$;

drop trigger ticket_closed_to_observers on ticket;
create trigger ticket_done_to_observers after update of status on ticket for each row
    when ((old.status in ('resolved', 'closed')) is distinct from (new.status in ('resolved', 'closed')))
    execute function ticket_closed_to_observers();
