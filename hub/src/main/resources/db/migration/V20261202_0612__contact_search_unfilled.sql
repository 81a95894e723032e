-- The old words of the contacts the back-fill of their keys has not reached yet (concurrently: outside a transaction,
-- see the .conf). The index empties as the back-fill goes (a filled row's new version has keys and is left out), so
-- the search's test of the old words costs nothing once it is done; contact_search is no longer read by this version
-- (it may be dropped once no older hub node runs).
create index concurrently if not exists contact_search_unfilled on contact using gin (search) with (fastupdate = off)
    where search_keys is null;
