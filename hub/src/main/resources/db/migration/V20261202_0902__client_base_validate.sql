-- Validating the constraints added NOT VALID by V20261202_0900 scans contact and ticket under a lock that lets
-- writes go on. Every row is null in the new columns, so none can fail.
alter table contact validate constraint contact_company_id_fkey;
alter table contact validate constraint contact_manager_agent_id_fkey;
alter table contact validate constraint contact_manager_group_id_fkey;
alter table contact validate constraint contact_merged_into_id_fkey;
alter table contact validate constraint contact_one_manager;
alter table contact validate constraint contact_company_source_check;
alter table ticket validate constraint ticket_company_id_fkey;
