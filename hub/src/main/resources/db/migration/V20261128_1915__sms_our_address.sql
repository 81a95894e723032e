-- The number of ours a customer wrote to (a Twilio number), stored with their inbound message so replies on the
-- ticket go out from it. Null for channels that have a single address of ours.
alter table message add column our_address text;
