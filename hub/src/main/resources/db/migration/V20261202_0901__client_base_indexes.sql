-- The company filter's list, one index scan per status as the other lists (see V20261202_0801), and a company's
-- contacts. Built concurrently, outside a transaction (see the .conf), so a running hub keeps ingesting.
create index concurrently if not exists ticket_company_inbox on ticket (company_id, status, last_message_at desc, id desc)
    where company_id is not null;
create index concurrently if not exists contact_company on contact (company_id, id) where company_id is not null;
create index concurrently if not exists contact_merged_into on contact (merged_into_id) where merged_into_id is not null;
