-- The scale benchmark's data, generated on the server into the tables the hub's migrations created. Every value is a
-- function of a row's number and the seed (hashint8extended), so a seed always gives the same rows; times are counted
-- back from ${anchor}, the hour the data was generated. ScaleData runs the steps in order, each "per tickets" step once
-- per range of ticket ids (from and to), two ranges at a time. Scratch tables and functions live in the schema
-- bench_gen, which ScaleData drops at the end.

-- step: functions
create schema bench_gen;

-- A uniform number in [0, 1) drawn from a row's key and a salt that names what is drawn.
create function bench_gen.u(k bigint, salt int) returns float8 language sql immutable parallel safe
as $$ select (hashint8extended(k, ${seed}::bigint * 1000 + salt) & 4503599627370495)::float8 / 4503599627370496.0 $$;

create function bench_gen.pick(choices text[], k bigint, salt int) returns text language sql immutable parallel safe
as $$ select choices[1 + floor(bench_gen.u(k, salt) * cardinality(choices))::int] $$;

-- A permutation of 0 .. 10^digits - 1 (7919 is prime to 10), so numbers drawn from ids never collide.
create function bench_gen.digits(k bigint, digits int) returns text language sql immutable parallel safe
as $$ select lpad(((k * 7919 + ${seed}) % (10::bigint ^ digits)::bigint)::text, digits, '0') $$;

-- step: words
-- The vocabulary, by rank: common words of support conversations first, then made-up words of three syllables (each
-- rank its own word). Words are drawn log-uniformly over the ranks, which is Zipf's law with exponent 1: the first
-- words are in a third or more of all messages, most words in a few dozen.
create unlogged table bench_gen.word (rank int primary key, word text not null);
insert into bench_gen.word
select r, case when r <= cardinality(common) then common[r]
               else syllables[1 + r % 40] || syllables[1 + (r / 40) % 40] || syllables[1 + (r / 1600) % 40] end
from (select array['the', 'my', 'order', 'please', 'i', 'to', 'is', 'and', 'not', 'you', 'parcel', 'it', 'have',
                   'a', 'of', 'for', 'thanks', 'delivery', 'hello', 'can', 'on', 'with', 'account', 'refund', 'was',
                   'payment', 'help', 'still', 'yet', 'card', 'received', 'when', 'arrived', 'invoice', 'problem',
                   'we', 'your', 'this', 'tracking', 'number', 'today', 'again', 'could', 'check', 'courier', 'address',
                   'return', 'week', 'days', 'email', 'phone', 'password', 'login', 'app', 'error', 'broken', 'damaged',
                   'box', 'shipping', 'package', 'store', 'price', 'discount', 'code', 'subscription', 'cancel',
                   'change', 'update', 'status', 'answer', 'waiting', 'urgent', 'support', 'team', 'sorry', 'issue',
                   'screen', 'size', 'colour', 'wrong', 'item', 'missing', 'charged', 'twice', 'bank', 'transfer',
                   'exchange', 'warranty', 'repair', 'replacement', 'manager', 'call', 'back', 'message', 'reply',
                   'information', 'details', 'contract', 'monday', 'friday', 'morning', 'evening', 'tomorrow',
                   'yesterday', 'photo', 'attached', 'receipt', 'shop', 'online', 'website', 'page', 'link', 'sms',
                   'code', 'verification', 'blocked', 'unlock', 'device', 'battery', 'charger', 'cable', 'printer',
                   'router', 'internet', 'connection', 'slow', 'fast', 'free', 'gift', 'voucher'] as common,
             array['ba', 'ko', 'ri', 'mu', 'te', 'sa', 'no', 'li', 'vo', 'da', 'ke', 'zu', 'pi', 'ro', 'ma', 'ne',
                   'fa', 'go', 'lu', 'si', 'ta', 'be', 'mo', 'ru', 'di', 'ka', 'po', 'ze', 'hu', 'ni', 'ga', 've',
                   'to', 'ju', 'le', 'pa', 'ci', 'mi', 'so', 'ry'] as syllables) vocabulary,
     generate_series(1, 60000) r;

-- Sentences of 5 to 12 words drawn from the vocabulary; a message is two of them.
create unlogged table bench_gen.sentence (id int primary key, text text not null);
insert into bench_gen.sentence
select s, string_agg(w.word, ' ' order by i)
from generate_series(0, 99999) s
cross join lateral generate_series(1, 5 + floor(bench_gen.u(s, 1) * 8)::int) i
join bench_gen.word w on w.rank = least(60000, floor(exp(bench_gen.u(s * 100 + i, 2) * ln(60000)))::int)
group by s;
analyze bench_gen.word, bench_gen.sentence;

-- step: agents
-- Twenty specialists beside the administrator the benchmark logs in as; the last three are in the second line's group
-- (the escalation target), the others in the first line's, and the administrator in both, as a lead would be.
insert into agent (email, name, password_hash, role, line, created_at)
select 'agent' || n || '@bench.example', (array['Alice', 'Bruno', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo',
        'Irina', 'Jules', 'Karim', 'Léa', 'Mikhail', 'Nora', 'Oscar', 'Pauline', 'Quentin', 'Rosa', 'Sergei', 'Tanya'])[n]
        || ' Agent', (select password_hash from agent order by id limit 1), 'specialist', case when n > 17 then 2 else 1 end,
       timestamptz '${anchor}' - interval '400 days'
from generate_series(1, 20) n;

create unlogged table bench_gen.agent_line as
select id, line, row_number() over (partition by line order by id) as n from agent where email like '%@bench.example';

create unlogged table bench_gen.line_group as
select case when escalation_target then 2 else 1 end as line, id as group_id from agent_group where position in (1, 2);

insert into agent_group_member (group_id, agent_id)
select g.group_id, a.id from bench_gen.agent_line a join bench_gen.line_group g using (line)
union
select g.group_id, (select id from agent order by id limit 1) from bench_gen.line_group g
on conflict do nothing;

-- step: contacts
-- Contacts in three languages (names with accents, ё), each with an email, a phone or both, some on messengers too.
-- Address ids are contact id * 5 + the kind's place in (email, phone, telegram, viber, api).
create unlogged table bench_gen.person as
select c as id, lang,
       case when bench_gen.u(c, 10) < 0.04 then null else first || ' ' || last end as name, latin,
       bench_gen.u(c, 11) < 0.85 as has_email,
       bench_gen.u(c, 12) < 0.65 or bench_gen.u(c, 11) >= 0.85 as has_phone,
       bench_gen.u(c, 13) < 0.30 as has_telegram,
       bench_gen.u(c, 14) < 0.15 as has_viber,
       bench_gen.u(c, 15) < 0.05 as has_api
from generate_series(1, ${contacts}) c
cross join lateral (select case when bench_gen.u(c, 16) < 0.6 then 'en' when bench_gen.u(c, 16) < 0.8 then 'fr' else 'ru' end as lang) l
cross join lateral (select n1, n2 from (select 1 + floor(bench_gen.u(c, 17) * 12)::int as n1, 1 + floor(bench_gen.u(c, 18) * 12)::int as n2) n) k
cross join lateral (select
    case lang when 'en' then (array['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Susan', 'Emily', 'Daniel'])[n1]
              when 'fr' then (array['Élodie', 'François', 'Hélène', 'Jérôme', 'Zoé', 'Gaëlle', 'Benoît', 'Céline', 'Loïc', 'Anaïs', 'Noël', 'Mélanie'])[n1]
              else (array['Алёна', 'Фёдор', 'Пётр', 'Артём', 'Семён', 'Наталья', 'Ольга', 'Дмитрий', 'Ксения', 'Сергей', 'Татьяна', 'Михаил'])[n1] end as first,
    case lang when 'en' then (array['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark', 'Walker', 'Hall'])[n2]
              when 'fr' then (array['Lefèvre', 'Müller', 'Gérard', 'Dupré', 'Besançon', 'Hervé', 'Châtelet', 'Rousseau', 'Lemaître', 'Fournier', 'Girard', 'Bonnet'])[n2]
              else (array['Ковалёв', 'Смирнов', 'Королёв', 'Иванов', 'Фёдоров', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Волков'])[n2] end as last,
    case lang when 'en' then 'customer'
              when 'fr' then (array['elodie', 'francois', 'helene', 'jerome', 'zoe', 'gaelle', 'benoit', 'celine', 'loic', 'anais', 'noel', 'melanie'])[n1]
              else (array['alena', 'fedor', 'petr', 'artem', 'semen', 'natalia', 'olga', 'dmitry', 'ksenia', 'sergey', 'tatiana', 'mikhail'])[n1] end as latin) names;

create unlogged table bench_gen.address as
select p.id * 5 + kind as id, p.id as contact_id, kind,
       (array['email', 'phone', 'telegram', 'viber', 'api'])[kind + 1] as kind_name,
       case kind
           when 0 then lower(coalesce(case when p.lang = 'en' then split_part(p.name, ' ', 1) end, p.latin)) || '.' || p.id
                       || '@' || bench_gen.pick(array['gmail.com', 'yahoo.fr', 'mail.ru', 'outlook.com', 'orange.fr',
                                                      'yandex.ru', 'example-shop.com', 'acme-corp.fr', 'hotmail.co.uk'], p.id, 19)
           when 1 then case p.lang when 'en' then '+447' || bench_gen.digits(p.id, 9)
                                   when 'fr' then '+336' || bench_gen.digits(p.id, 8)
                                   else '+79' || bench_gen.digits(p.id, 9) end
           when 2 then (100000000 + p.id * 37 + ${seed} % 37)::text
           when 3 then 'vb' || substr(md5(p.id || ':' || ${seed}), 1, 22) || '=='
           else 'crm-' || p.id end as value
from bench_gen.person p
cross join lateral unnest(array[case when p.has_email then 0 end, case when p.has_phone then 1 end,
                                case when p.has_telegram then 2 end, case when p.has_viber then 3 end,
                                case when p.has_api then 4 end]) kind
where kind is not null;
alter table bench_gen.address add primary key (id);
create index on bench_gen.address (contact_id);
analyze bench_gen.address;

-- The contact's search holds its name and each address's value, as ContactQueries writes them.
insert into contact (id, name, language, created_at, search)
select p.id, p.name, p.lang, timestamptz '${anchor}' - interval '400 days' + interval '30 days' * p.id / ${contacts},
       to_tsvector('simple', coalesce(p.name, ''))
           || coalesce((select to_tsvector('simple', string_agg(a.value, ' ')) from bench_gen.address a where a.contact_id = p.id), '')
from bench_gen.person p;

-- step: companies
-- One company for a hundred contacts, in the three client categories, a tenth managed by a first-line agent; the
-- first two own the business domains of the contacts' emails. A contact in three is in a company (those with a
-- business email in its company, set by the domain); their tickets take it at registration (ticket_contact_company).
insert into company (id, name, category_id, manager_agent_id, emails, phones, notes, created_at, updated_at)
select n, (array['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay', 'Tyrell',
                 'Soylent', 'Cyberdyne'])[1 + n % 12] || ' ' || (array['Trading', 'Logistics', 'Retail', 'Foods', 'Labs',
                 'Systems', 'Textiles', 'Motors'])[1 + (n / 12) % 8] || ' ' || n,
       (select id from client_category order by position offset floor(bench_gen.u(n, 70) * 3)::int limit 1),
       case when bench_gen.u(n, 71) < 0.1 then (select id from bench_gen.agent_line where line = 1 and n = 1) end,
       array['office' || n || '@company.example'], array['+3314' || bench_gen.digits(n, 7)], null,
       timestamptz '${anchor}' - interval '400 days', timestamptz '${anchor}' - interval '400 days'
from generate_series(1, greatest(10, ${contacts} / 100)) n;
select setval('company_id_seq', (select max(id) from company));
insert into company_domain (domain, company_id) values ('example-shop.com', 1), ('acme-corp.fr', 2);

update contact c set company_id = case when a.value like '%@example-shop.com' then 1
                                        when a.value like '%@acme-corp.fr' then 2
                                        else 1 + floor(bench_gen.u(c.id, 72) * (select count(*) from company))::bigint end,
                     company_source = case when a.value like '%@example-shop.com' or a.value like '%@acme-corp.fr'
                                           then 'domain' else 'person' end
from (select p.id, (select value from bench_gen.address x where x.contact_id = p.id and x.kind = 0) as value
      from bench_gen.person p) a
where a.id = c.id
  and (a.value like '%@example-shop.com' or a.value like '%@acme-corp.fr' or bench_gen.u(c.id, 73) < 0.33);

-- step: ticket plan
-- What each ticket is: its contact (a few customers write often), its channel (one of the contact's addresses), its
-- number of messages (1 to 9, tickets in pairs of ten, so there are exactly five messages a ticket), its times over
-- the year before the anchor, its status by its age, its assignee.
create unlogged table bench_gen.plan as
with base as (
    select i,
           1 + floor(${contacts} * power(bench_gen.u(i, 20), 1.6))::bigint as contact_id,
           case when i % 2 = 1 then 1 + floor(bench_gen.u((i + 1) / 2, 21) * 9)::int
                else 9 - floor(bench_gen.u((i + 1) / 2, 21) * 9)::int end as messages,
           case when i % 2 = 1 then 0 else 1 + floor(bench_gen.u((i + 1) / 2, 21) * 9)::int end as pair_offset,
           timestamptz '${anchor}' - interval '365 days' * ((${tickets} - i + bench_gen.u(i, 22)) / ${tickets}) as created_at,
           interval '1 minute' * (5 + 600 * power(bench_gen.u(i, 23), 2)) as gap
    from generate_series(1, ${tickets}) i
), timed as (
    select b.*, least(b.gap, (timestamptz '${anchor}' - b.created_at) / (b.messages + 1)) as step
    from base b
), aged as (
    select t.*, t.created_at + t.step * (t.messages - 1) as last_at,
           timestamptz '${anchor}' - (t.created_at + t.step * (t.messages - 1)) as age, bench_gen.u(t.i, 24) as r
    from timed t
)
select a.i as id, a.contact_id, a.messages, 10 * ((a.i - 1) / 2) + a.pair_offset as first_message_id,
       a.created_at, a.step, a.last_at,
       (select kind_name from bench_gen.address ad where ad.contact_id = a.contact_id
        order by bench_gen.u(ad.id * 7 + a.i, 25) limit 1) as address_kind,
       case when a.age < interval '3 days' then
                case when r < 0.30 then 'open' when r < 0.40 then 'awaiting_reply' when r < 0.55 then 'pending'
                     when r < 0.60 then 'postponed' when r < 0.85 then 'resolved' else 'closed' end
            when a.age < interval '21 days' then
                case when r < 0.12 then 'open' when r < 0.20 then 'awaiting_reply' when r < 0.30 then 'pending'
                     when r < 0.33 then 'postponed' else 'closed' end
            else case when r < 0.010 then 'open' when r < 0.015 then 'awaiting_reply' when r < 0.020 then 'pending'
                      when r < 0.022 then 'postponed' else 'closed' end end as status,
       case when bench_gen.u(a.i, 26) < 0.06 then 2 else 1 end as line,
       bench_gen.u(a.i, 27) as unassigned_draw
from aged a;

-- step: tickets
insert into calendar (name, time_zone, is_default, hours) values ('Office hours', 'Europe/Paris', true,
    '{"mon": [["09:00", "18:00"]], "tue": [["09:00", "18:00"]], "wed": [["09:00", "18:00"]], "thu": [["09:00", "18:00"]],
      "fri": [["09:00", "18:00"]], "sat": [], "sun": []}');
create unlogged table bench_gen.ticket_plan as
select p.*,
       case p.address_kind when 'phone' then 'sms' else p.address_kind end as channel,
       p.contact_id * 5 + case p.address_kind when 'email' then 0 when 'phone' then 1 when 'telegram' then 2
                                              when 'viber' then 3 else 4 end as address_id,
       case when (p.status in ('resolved', 'closed') and p.unassigned_draw < 0.02)
              or (p.status not in ('resolved', 'closed') and p.unassigned_draw < 0.35) then null
            else (select id from bench_gen.agent_line al where al.line = p.line
                  and al.n = 1 + floor(bench_gen.u(p.id, 28) * (select count(*) from bench_gen.agent_line x where x.line = p.line))) end as assignee_id
from bench_gen.plan p;
create unique index on bench_gen.ticket_plan (id);
analyze bench_gen.ticket_plan, bench_gen.agent_line;

-- Each message's kind: the customer's first, then customer and agent in turn, a quarter of the agent's turns an
-- internal note; the last is the customer's on an open ticket, else the agent's.
create function bench_gen.kind(ticket bigint, k int, messages int, status text) returns text language sql immutable parallel safe
as $$ select case when k = 1 then 'in'
                  when k = messages then case when status = 'open' then 'in' else 'out' end
                  when k % 2 = 1 then 'in'
                  when bench_gen.u(ticket * 16 + k, 30) < 0.25 then 'note'
                  else 'out' end $$;

-- per tickets: tickets
-- The ticket's words (ticket.words: its subject folded and stemmed) are filled by the trigger ticket_words, as on the
-- ingestion path, so a generated database needs no back-fill.
insert into ticket (id, number, subject, status, line, group_id, assignee_id, type_id, priority_id, contact_id, channel,
                    postponed_until, created_at, updated_at, first_response_at, resolved_at, closed_at, archived_at,
                    last_message_at, last_message_in, waiting_since, rating, rating_comment, search,
                    sla_calendar_id, sla_response_seconds, sla_resolution_seconds, sla_paused, response_due_at,
                    resolution_due_at, sla_responded_at, sla_due_at)
select p.id, 1000 + p.id, s.subject, p.status, p.line, (select group_id from bench_gen.line_group g where g.line = p.line),
       p.assignee_id,
       case when bench_gen.u(p.id, 31) < 0.5 then null else (select id from ticket_type where name =
           bench_gen.pick(array['question', 'question', 'incident', 'request', 'request', 'internal'], p.id, 32)) end,
       (select id from ticket_priority where name = case when bench_gen.u(p.id, 33) < 0.15 then 'low'
            when bench_gen.u(p.id, 33) < 0.75 then 'normal' when bench_gen.u(p.id, 33) < 0.95 then 'high' else 'urgent' end),
       p.contact_id, p.channel,
       case when p.status = 'postponed' then timestamptz '${anchor}' + interval '1 day' * (1 + 29 * bench_gen.u(p.id, 34)) end,
       p.created_at, coalesce(closed.at, resolved.at, p.last_at), replies.first_out, resolved.at, closed.at, resolved.at,
       p.last_at, last_kind.kind = 'in',
       case when last_kind.kind = 'in' then p.created_at + p.step * (waiting.waiting_from - 1) end,
       case when p.status = 'closed' and bench_gen.u(p.id, 35) < 0.3 then 1 + floor(bench_gen.u(p.id, 36) * 5)::int end,
       case when p.status = 'closed' and bench_gen.u(p.id, 35) < 0.08
            then bench_gen.pick(array['Thanks, quick answer', 'Took too long', 'Très bien, merci', 'Спасибо, всё решили'], p.id, 37) end,
       strip(to_tsvector('simple', s.subject)),
       (select id from calendar where is_default), 14400, 259200, p.status in ('pending', 'postponed'),
       sla.response_due, sla.resolution_due, replies.first_out,
       case when p.status not in ('resolved', 'closed', 'pending', 'postponed')
            then case when replies.first_out is null then sla.response_due else sla.resolution_due end end
from bench_gen.ticket_plan p
cross join lateral (select bench_gen.kind(p.id, p.messages, p.messages, p.status) as kind) last_kind
cross join lateral (
    select min(p.created_at + p.step * (k - 1)) filter (where bench_gen.kind(p.id, k, p.messages, p.status) = 'out') as first_out,
           coalesce(max(k) filter (where bench_gen.kind(p.id, k, p.messages, p.status) = 'out'), 0) as last_out
    from generate_series(1, p.messages) k) replies
cross join lateral (
    select min(k) as waiting_from from generate_series(replies.last_out + 1, p.messages) k
    where bench_gen.kind(p.id, k, p.messages, p.status) = 'in') waiting
cross join lateral (select case when p.status in ('resolved', 'closed')
                                then least(p.last_at + interval '10 minutes', timestamptz '${anchor}') end as at) resolved
-- Planned times on the default calendar's standards (4 h to respond, 3 days to resolve), counted here on the clock:
-- the response due 4 hours after registration, the resolution due spread from three days overdue to a week ahead of
-- the anchor, so that the due-time sort and the Overdue and Due today views have tickets on every side of now.
cross join lateral (select p.created_at + interval '4 hours' as response_due,
                           timestamptz '${anchor}' + interval '1 hour' * (240 * bench_gen.u(p.id, 41) - 72) as resolution_due) sla
cross join lateral (select case when p.status = 'closed'
                                then least(resolved.at + interval '3 days', timestamptz '${anchor}') end as at) closed
cross join lateral (select case when p.channel in ('email', 'api') then
        bench_gen.pick(array['Where is my order', 'Refund for order', 'Cannot log in to my account', 'Parcel damaged',
                             'Invoice request', 'Charged twice', 'Change of delivery address', 'Return an item',
                             'Commande non reçue', 'Remboursement', 'Заказ не пришёл', 'Возврат денег',
                             'Question about my subscription', 'Wrong size', 'Warranty repair'], p.id, 38)
        || case when bench_gen.u(p.id, 39) < 0.5 then ' WM-' || bench_gen.digits(p.id, 5) || '-' || chr(65 + (p.id % 26)::int) else '' end
    else (select left(text, 90) from bench_gen.sentence where id = floor(bench_gen.u(p.id * 16 + 1, 40) * 100000)::int) end as subject) s
where p.id between ${from} and ${to};

-- step: addresses
-- Each address remembers the ticket last messaged on it, as the inbox does.
insert into contact_address (id, contact_id, kind, value, last_ticket_id, created_at)
select a.id, a.contact_id, a.kind_name, a.value, last.ticket_id,
       timestamptz '${anchor}' - interval '400 days' + interval '30 days' * a.contact_id / ${contacts}
from bench_gen.address a
left join (select address_id, max(id) as ticket_id from bench_gen.ticket_plan group by address_id) last on last.address_id = a.id;

-- step: contact search keys
-- What agents type to find a customer (folded names, email parts, phone endings), by the expression the hub writes
-- them with (ContactSearchKeys), once the addresses are in; nothing is left for the hub's back-fill.
-- The expression reads each contact's addresses: without an index on them (the load drops the table's indexes) that
-- is a scan of every address per contact, hours at scale 1; a temporary one makes it minutes.
create index bench_contact_address_contact on contact_address (contact_id);
update contact c set search_keys = ${contact_search_keys};
drop index bench_contact_address_contact;
update backfill set next_id = (select max(id) + 1 from contact), end_id = (select max(id) from contact),
    rows_filled = (select count(*) from contact), started_at = now(), updated_at = now(), finished_at = now()
where name = 'contact_search_keys';

-- per tickets: messages
-- message.search is generated; message.words (folded words and stems) is filled by the trigger message_words, as on
-- the ingestion path.
-- Two sentences each; a customer's first message names an order number, a phone or an email now and then.
insert into message (id, ticket_id, direction, visibility, channel, address_id, author_agent_id, text, external_id,
                     delivery_state, delivery_error, automated, created_at)
select p.first_message_id + k, p.id,
       case when m.kind = 'in' then 'in' else 'out' end,
       case when m.kind = 'note' then 'internal' else 'public' end,
       case when m.kind <> 'note' then p.channel end,
       case when m.kind <> 'note' then p.address_id end,
       case when m.kind <> 'in' then coalesce(p.assignee_id, (select id from bench_gen.agent_line where n = 1 and line = p.line)) end,
       case m.kind when 'note' then 'Note: ' else '' end
           || s1.text || '. ' || s2.text || '.'
           || case when k = 1 and bench_gen.u(m.id, 42) < 0.4 then ' Order WM-' || bench_gen.digits(p.id, 5) || '-' || chr(65 + (p.id % 26)::int) || '.'
                   when m.kind = 'in' and bench_gen.u(m.id, 42) < 0.43 then ' My number is ' || (select value from bench_gen.address where id = p.contact_id * 5 + 1 union all select '+447' || bench_gen.digits(p.contact_id, 9) limit 1) || '.'
                   when m.kind = 'in' and bench_gen.u(m.id, 42) < 0.46 then ' Write to me at ' || (select value from bench_gen.address where id = p.contact_id * 5 union all select 'customer.' || p.contact_id || '@gmail.com' limit 1) || '.'
                   else '' end,
       case when m.kind <> 'note' then 'bench-' || m.id end,
       case when m.kind = 'out' then case when bench_gen.u(m.id, 43) < 0.4 then 'read' when bench_gen.u(m.id, 43) < 0.9 then 'delivered'
                                          when bench_gen.u(m.id, 43) < 0.98 then 'sent' else 'failed' end end,
       case when m.kind = 'out' and bench_gen.u(m.id, 43) >= 0.98 then 'The recipient could not be reached' end,
       false,
       p.created_at + p.step * (k - 1)
from bench_gen.ticket_plan p
cross join lateral generate_series(1, p.messages) k
cross join lateral (select p.first_message_id + k as id, bench_gen.kind(p.id, k, p.messages, p.status) as kind) m
join bench_gen.sentence s1 on s1.id = floor(bench_gen.u(m.id, 44) * 100000)::int
join bench_gen.sentence s2 on s2.id = floor(bench_gen.u(m.id, 45) * 100000)::int
where p.id between ${from} and ${to};

-- step: attachments
-- One customer message in twenty-five carries a file: its name, type and size as a real one has them, its body one byte
-- (the benchmark searches names and shows sizes; it never downloads a file).
insert into attachment (id, message_id, file_name, content_type, size_bytes, inline, data, created_at)
select m.id, m.id, f.name, f.type, 20000 + floor(bench_gen.u(m.id, 51) * 4000000)::bigint, false, '\x00'::bytea, m.created_at
from message m
cross join lateral (select floor(bench_gen.u(m.id, 52) * 6)::int as n) pick
cross join lateral (select (array['photo_' || m.id || '.jpg', 'invoice-WM-' || bench_gen.digits(m.ticket_id, 5) || '.pdf',
                                  'screenshot ' || to_char(m.created_at, 'YYYY-MM-DD') || '.png', 'facture_n°' || m.id || '.pdf',
                                  'Квитанция_' || m.id || '.pdf', 'serial-SN' || bench_gen.digits(m.id, 7) || '.txt'])[pick.n + 1] as name,
                           (array['image/jpeg', 'application/pdf', 'image/png', 'application/pdf', 'application/pdf', 'text/plain'])[pick.n + 1] as type) f
where m.direction = 'in' and bench_gen.u(m.id, 50) < 0.04;

-- step: events
-- The timeline: created, each reply and note, and the status changes that led to the ticket's status.
insert into ticket_event (ticket_id, kind, actor, actor_agent_id, from_status, to_status, detail, created_at)
select p.id, 'created', 'customer', null, null, 'open', jsonb_build_object('channel', p.channel), p.created_at
from bench_gen.ticket_plan p
union all
select m.ticket_id, case when m.visibility = 'internal' then 'note' else 'replied' end, 'agent', m.author_agent_id, null, null,
       case when m.visibility = 'internal' then jsonb_build_object('messageId', m.id)
            else jsonb_build_object('channel', m.channel, 'messageId', m.id) end, m.created_at
from message m where m.direction = 'out'
union all
select t.id, 'status_changed', 'agent', t.assignee_id, 'open', case when t.status = 'closed' then 'resolved' else t.status end,
       case when t.status = 'postponed' then jsonb_build_object('until', t.postponed_until) end,
       coalesce(t.resolved_at, least(t.last_message_at + interval '1 minute', timestamptz '${anchor}'))
from ticket t where t.status <> 'open'
union all
select t.id, 'status_changed', 'system', null, 'resolved', 'closed', null, t.closed_at
from ticket t where t.status = 'closed';

-- step: observers
-- Observers: the administrator the benchmark logs in as watches one ticket in 200 (the "Watching" list), a specialist
-- of each line one in 100, and the second line's group one in 50 of the first line's tickets it was consulted on.
insert into ticket_observer (ticket_id, agent_id, group_id, added_by, added_at)
select p.id, (select id from agent order by id limit 1), null::bigint, null::bigint, p.created_at
from bench_gen.ticket_plan p where bench_gen.u(p.id, 60) < 0.005
union all
select p.id, (select id from bench_gen.agent_line al where al.line = p.line and al.n = 1), null, null, p.created_at
from bench_gen.ticket_plan p where bench_gen.u(p.id, 61) < 0.01
union all
select p.id, null, (select group_id from bench_gen.line_group where line = 2), null, p.created_at
from bench_gen.ticket_plan p where p.line = 1 and bench_gen.u(p.id, 62) < 0.02;

-- step: finish
select setval('contact_id_seq', (select max(id) from contact));
select setval('contact_address_id_seq', (select max(id) from contact_address));
select setval('ticket_id_seq', (select max(id) from ticket));
select setval('ticket_number_seq', (select max(number) from ticket));
select setval('message_id_seq', (select max(id) from message));
select setval('attachment_id_seq', greatest(1, (select max(id) from attachment)));
select setval('client_category_id_seq', (select max(id) from client_category));
select setval('ticket_observer_id_seq', greatest(1, (select max(id) from ticket_observer)));
