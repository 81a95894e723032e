-- Three roles (issue 16): administrator, senior specialist, specialist. The old "agent" becomes "specialist";
-- administrators stay. The agent table holds a team, not customers: a plain update is fine.
alter table agent drop constraint agent_role_check;
update agent set role = 'specialist' where role = 'agent';
alter table agent add constraint agent_role_check check (role in ('admin', 'senior', 'specialist'));
