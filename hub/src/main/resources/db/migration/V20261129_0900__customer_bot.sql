-- The customer bot (Telegram, Viber): what it waits for per address, the buttons of its messages, and its chatter.

-- The bot's pending state for one address, as BotState.encode() writes it (add:42, comment:42:5); null is idle.
alter table contact_address add column bot_state text;

-- Quick-reply buttons of an outgoing message (bot menus, rating prompts): [{"label": "...", "data": "..."}].
alter table message add column buttons jsonb;

-- Bot chatter belongs to the customer's address, not to a ticket: commands, button presses and the bot's menus
-- are messages with no ticket. They are sent through the outbox like any message and keep Viber/Telegram ids for
-- idempotency (the unique key on channel and external id), but no ticket thread or inbox list ever shows them.
alter table message alter column ticket_id drop not null;
alter table message add constraint message_ticket_or_address check (ticket_id is not null or address_id is not null);
create index message_bot_chatter on message (address_id, id) where ticket_id is null;
