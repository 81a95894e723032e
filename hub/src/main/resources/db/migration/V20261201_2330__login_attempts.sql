-- Login attempts, counted in fixed windows per (account, client address) and per client address across accounts.
-- A row is incremented and read back in one statement before a password is checked, so simultaneous guesses cannot
-- outrun the count, on one node or many. It replaces the failures per email, which let anyone lock anyone out.
drop table login_failure;

create table login_attempt (
    scope        text        not null check (scope in ('account', 'client')),
    key          text        not null,
    attempts     int         not null,
    window_start timestamptz not null,
    primary key (scope, key)
);
create index login_attempt_window on login_attempt (window_start);
