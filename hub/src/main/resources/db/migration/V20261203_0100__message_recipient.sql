-- Where a message went when it was not to one of its contact's own addresses (issue 17): a customer notification to
-- a contact without an email (or phone) of their own goes to their company's first one. A new, small table beside
-- message, so message itself is not altered; message.address_id stays empty for such a message.
create table message_recipient (
    message_id bigint primary key references message on delete cascade,
    value      text   not null
);
