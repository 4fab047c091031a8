-- Log lines stored a chunk to a row: a batch is one row per app (its lines as parallel arrays, the
-- last one numbered last_seq), so a router batch of a thousand lines costs a few rows, not a
-- thousand. Numbering is unchanged: log_heads (V7) still hands out seq under its row lock.
create table log_chunks (
    app_id   uuid     not null,
    last_seq bigint   not null,
    times    bigint[] not null, -- microseconds since the epoch
    sources  text[]   not null,
    dynos    text[]   not null,
    messages text[]   not null,
    primary key (app_id, last_seq)
);
-- Stored uncompressed: compressing each batch's chunk cost the intake more time than the space is worth
-- (an app's history is bounded).
alter table log_chunks
    alter column times set storage external,
    alter column sources set storage external,
    alter column dynos set storage external,
    alter column messages set storage external;

-- The history kept so far moves over, a line to a chunk, so an upgrade loses no line. log_lines stays
-- (additive: an api of the release before keeps writing there while a deploy overlaps the two).
insert into log_chunks (app_id, last_seq, times, sources, dynos, messages)
select app_id, seq,
       array[(extract(epoch from logged_at) * 1000000)::bigint],
       array[source], array[dyno], array[message]
from log_lines;
