-- Group observers point at real groups (issue 16, item 5). ticket_observer is new and small, so a plain alter is
-- fine. Rows naming a group that does not exist (accepted before groups were checked) cannot be shown or told
-- anything, so they go first. Deleting a group ends its observations with it.
delete from ticket_observer o
 where o.group_id is not null
   and not exists (select 1 from agent_group g where g.id = o.group_id);
alter table ticket_observer
    add constraint ticket_observer_group_fkey foreign key (group_id) references agent_group on delete cascade;
