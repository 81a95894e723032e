-- The customer's text kept on a ticket as the comment of their rating: true on those, null on every other message.
-- A nullable column without a default changes only the catalog: the big table is neither rewritten nor scanned.
alter table message add column rating_comment boolean;
