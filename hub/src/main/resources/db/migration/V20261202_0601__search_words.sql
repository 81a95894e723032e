-- Search finds words in any case and with or without accents (é = e, ё = е, œ = oe), and by their forms: the stems
-- of English, Russian and French beside the exact words. Functions of our own rather than the unaccent extension,
-- which needs a privilege the hub's user may lack and is not immutable (an index expression must be).

-- A text in lower case without accents: é è ê à ç ô... as e e e a c o, œ as oe, ё as е (й stays й). Accents are taken
-- apart from their letters (Unicode NFD) and dropped, accents written apart too (as some mail programs send them).
-- Only a text with a Latin accent pays for that; others (English, Russian) only have their ё replaced.
create function search_fold(t text) returns text language sql immutable parallel safe as $$
select case when t ~ U&'[\00C0-\024F\0300-\036F]'
            then replace(replace(replace(replace(replace(replace(replace(replace(
                     regexp_replace(normalize(replace(replace(lower(t), 'й', U&'\E000'), 'ё', 'е'), NFD),
                                    U&'[\0300-\036F]', '', 'g'),
                     U&'\E000', 'й'), 'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss'), 'ø', 'o'), 'ł', 'l'), 'đ', 'd'), 'ı', 'i')
            else replace(lower(t), 'ё', 'е') end
$$;

-- What is indexed of a text: its words folded, as written ('simple': exact words, found by prefix too), and their
-- stems. The 'russian' configuration stems ASCII words as English and Cyrillic ones as Russian, so two passes give
-- the stems of all three languages (folded, French words are ASCII too). Bounded as message.search was.
create function search_words(t text) returns tsvector language plpgsql immutable parallel safe as $$
declare
    f text := left(t, 20000);
begin
    if octet_length(f) <> length(f) then
        f := search_fold(f);
    end if;
    return coalesce(strip(to_tsvector('simple', f) || to_tsvector('russian', f) || to_tsvector('french', f)), '');
end $$;

-- What a typed word finds: any indexed word starting with it (each of its parts, as the parser splits a serial),
-- or one of its stems. Null when the word has no lexeme at all.
create function search_query(word text) returns tsquery language sql immutable strict parallel safe as $$
select cast(prefix as tsquery) || plainto_tsquery('russian', f) || plainto_tsquery('french', f)
from (select f, (select string_agg(quote_literal(lexeme) || ':*', ' & ') from unnest(to_tsvector('simple', f))) as prefix
      from (select search_fold(word) as f) folded) parts
$$;

-- The new columns: nullable without a default, so adding them rewrites nothing. New rows get them from triggers
-- (any writer, an older hub node too); the rows already there are back-filled by the job (see table backfill), and
-- until it is done the search reads the old columns for the rows it has not reached.
alter table message add column words tsvector;
alter table ticket add column words tsvector;

create function message_words() returns trigger language plpgsql as $$
begin
    new.words := search_words(new.text);
    return new;
end $$;

create trigger message_words before insert or update of text on message
    for each row execute function message_words();

-- A ticket keeps the words of every subject it had, bounded as ticket.search is.
create function ticket_words() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        new.words := search_words(new.subject);
    elsif old.words is not null and new.subject is distinct from old.subject then
        new.words := case when length(old.words) < 20000 then old.words || search_words(left(new.subject, 5000))
                          else old.words end;
    end if;
    return new;
end $$;

create trigger ticket_words before insert or update of subject on ticket
    for each row execute function ticket_words();

-- A ticket's old subjects live only in its old search vector: their words are folded again from its lexemes.
insert into backfill (name, table_name, set_clause, pending, end_id)
select 'message_words', 'message', 'words = search_words(text)', 'words is null', coalesce(max(id), 0) from message;
insert into backfill (name, table_name, set_clause, pending, end_id)
select 'ticket_words', 'ticket',
       'words = search_words(subject || '' '' || array_to_string(tsvector_to_array(search), '' ''))', 'words is null',
       coalesce(max(id), 0) from ticket;
