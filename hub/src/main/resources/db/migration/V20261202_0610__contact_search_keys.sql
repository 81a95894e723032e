-- What agents type to find a customer, beside the words of contact.search: the name folded (any case, without
-- accents, ё as е), each email whole, its local part and its domain, each phone as its digits reversed (so that the
-- last digits are a prefix). Nullable and filled by the write path for new and changed contacts; the contacts written
-- before are filled by the back-fill job (ContactSearchKeysBackfill), so this migration changes no row.
alter table contact add column search_keys tsvector;

-- Lower case, accents and other combining marks removed (é -> e, ё -> е), and the letters that carry no combining
-- mark spelled out. Immutable, so that it may be used in indexes; unaccent is an extension a hub's own database user
-- may not be allowed to create.
create function contact_fold(text) returns text language sql immutable strict parallel safe
as $$ select translate(replace(replace(replace(
       regexp_replace(normalize(lower($1), NFD), '[\u0300-\u036f]', '', 'g'),
       'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss'), 'łøđı', 'lodi') $$;

-- The contacts written before: filled by ContactSearchKeys's BatchFiller (the keys' SQL lives in one place, in Java).
insert into backfill (name, table_name, set_clause, pending) values ('contact_search_keys', 'contact', null, 'search_keys is null');
