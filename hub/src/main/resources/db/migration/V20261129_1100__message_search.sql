-- The words of messages are indexed on the messages, which are written once, instead of on their ticket, which is
-- updated with every message: a growing word list on the ticket row made each update rewrite it and insert every one
-- of its words into the GIN index again, so a ticket got slower to update the longer it ran.
alter table message add column search tsvector
    generated always as (strip(to_tsvector('simple', left(text, 20000)))) stored;

-- Without fast update a GIN index grows a little on every insert, instead of gathering a pending list that some
-- unlucky message's transaction then has to merge: steadier latency on the ingestion path.
create index message_search on message using gin (search) with (fastupdate = off) where visibility = 'public';
alter index ticket_search set (fastupdate = off);

-- Tickets keep only their subject's words.
update ticket set search = strip(to_tsvector('simple', subject));
