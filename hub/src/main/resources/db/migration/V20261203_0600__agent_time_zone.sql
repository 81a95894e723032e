-- An agent's own time zone (an IANA id such as Europe/Paris); null: the company's (the time_zone setting).
alter table agent add column time_zone text;
