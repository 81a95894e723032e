-- The word indexes of the new columns (V20261202_0601), built concurrently: this migration runs outside a
-- transaction (see its .conf), so a hub with millions of messages keeps ingesting meanwhile. Rows still waiting for
-- the back-fill have no words yet and are found through the old indexes until it is done.
create index concurrently if not exists message_words on message using gin (words) with (fastupdate = off)
    where visibility = 'public';
create index concurrently if not exists message_note_words on message using gin (words) with (fastupdate = off)
    where visibility = 'internal';
create index concurrently if not exists ticket_words on ticket using gin (words) with (fastupdate = off);
