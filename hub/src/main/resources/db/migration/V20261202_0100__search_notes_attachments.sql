-- Agents search their internal notes and the names of attachments too. Built concurrently (this migration runs
-- outside a transaction, see its .conf) so that a hub with millions of messages keeps ingesting meanwhile; nothing is
-- back-filled: notes already carry their words (message.search is generated for every message) and a file name's
-- words are an expression of the row.
create index concurrently if not exists message_note_search on message using gin (search) with (fastupdate = off)
    where visibility = 'internal';

-- "invoice_2024-03.pdf" is one token to the parser: its parts are indexed too, so that "invoice" finds it.
create index concurrently if not exists attachment_name_search on attachment using gin (
    to_tsvector('simple', file_name || ' ' || translate(file_name, '._-', '   '))) with (fastupdate = off);
