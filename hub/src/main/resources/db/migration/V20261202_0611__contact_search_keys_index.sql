-- Built concurrently (this migration runs outside a transaction, see its .conf) so that ingestion goes on meanwhile.
create index concurrently if not exists contact_search_keys on contact using gin (search_keys) with (fastupdate = off);
