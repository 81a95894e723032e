-- What the receiving mail server found checking the sender of an inbound mail (its Authentication-Results: server,
-- spf, dkim, dmarc); null on every other message and on mail whose server recorded none.
-- A nullable column without a default changes only the catalog: the big table is neither rewritten nor scanned.
alter table message add column sender_auth jsonb;
