-- Every new ticket goes to the default group (the setting default_group_id) unless its writer chose one, whatever
-- path registers it (an inbound message on any channel, an agent's new ticket, a follow-up of a closed one) and
-- whichever node writes it. A hidden default group, or none, leaves the ticket without a group. Its line follows.
create function ticket_default_group() returns trigger language plpgsql as $$
declare
    target agent_group%rowtype;
begin
    if new.group_id is null then
        select g.* into target from setting s join agent_group g on g.id = (s.value #>> '{}')::bigint
        where s.key = 'default_group_id' and not g.hidden;
        if found then
            new.group_id := target.id;
            new.line := case when target.escalation_target then 2 else 1 end;
        end if;
    end if;
    return new;
end $$;

create trigger ticket_default_group before insert on ticket for each row execute function ticket_default_group();
