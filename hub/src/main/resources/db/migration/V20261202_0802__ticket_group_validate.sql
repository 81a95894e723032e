-- Validating the foreign keys added NOT VALID by V20261202_0800 scans ticket under a lock that lets writes go on.
alter table ticket validate constraint ticket_group_id_fkey;
alter table ticket validate constraint ticket_escalated_from_group_id_fkey;
