-- When the bot began waiting for the answer it asked for (contact_address.bot_state), so that the wait ends after
-- BOT_WAIT_MINUTES. A state stored before waits were timed has none, and is read as idle.
alter table contact_address add column bot_state_since timestamptz;
