-- What agents type to find a customer, beside the words of contact.search: the name folded (search_fold: any case,
-- without accents, ё as е), each email whole, its local part and its domain, each phone as its digits reversed (so
-- that the last digits are a prefix); see ContactSearchKeys. Nullable and filled by the write path for new and changed
-- contacts; the contacts written before are filled by the back-fill job, so this migration changes no row.
alter table contact add column search_keys tsvector;

-- The contacts written before: filled by ContactSearchKeys.fill, a BatchFiller (the keys' SQL lives in one place).
-- Contacts after end_id are written with their keys; on a new database there is nothing to fill.
insert into backfill (name, table_name, set_clause, pending, end_id, finished_at)
select 'contact_search_keys', 'contact', null, 'search_keys is null', coalesce(max(id), 0),
       case when max(id) is null then now() end
from contact;
