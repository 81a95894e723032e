-- Failed logins, so a password cannot be guessed at speed: too many for one account in a short while locks the
-- logins of that account for a few minutes (on every node, as the count lives here).
create table login_failure (
    id        bigserial primary key,
    email     text        not null,
    failed_at timestamptz not null
);
create index login_failure_email on login_failure (lower(email), failed_at);
