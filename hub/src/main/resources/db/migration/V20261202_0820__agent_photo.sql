-- An employee's photo, shown beside their name: a square PNG thumbnail made on upload (the original is not kept).
create table agent_photo (
    agent_id   bigint primary key references agent on delete cascade,
    image      bytea       not null,
    etag       text        not null,
    updated_at timestamptz not null
);
