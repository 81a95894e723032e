-- A mail kept aside because its sender is no contact yet and the switch "create contacts for unknown senders" is off:
-- the sender's address, shown on the Kept aside page, whose Accept makes the contact and the ticket. unprocessed_payload
-- is small (what could not be processed, deleted after its retention period): a nullable column, nothing rewritten.
alter table unprocessed_payload add column unknown_sender text;
