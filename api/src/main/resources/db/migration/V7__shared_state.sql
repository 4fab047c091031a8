-- What one api process used to keep in memory, now shared by every api process through the database
-- (issue 14: the api runs as several dynos, any of which answers any request). Additive only, so an
-- older api keeps working beside a newer one during a deploy.

-- Each app's log: the newest 1,500 lines. Lines are numbered per app (seq) in commit order: a batch
-- takes its numbers by updating its app's log_heads row, whose lock it holds until it commits, so a
-- tail that has read up to seq N never later finds a committed line below N. A batch is stored as
-- one row per app (a chunk: its lines as parallel arrays, the last one numbered last_seq), so a
-- router batch of a thousand lines costs a few rows, not a thousand. No foreign key to apps: a batch
-- racing an app's deletion must not fail the other apps' lines; the api forgets a deleted app's lines
-- itself.
create table log_heads (
    app_id uuid primary key,
    head   bigint not null
);

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

-- One-time log session URLs (logplex's): made by one api process, opened on any.
create table log_sessions (
    id         uuid primary key,
    app_id     uuid        not null references apps (id) on delete cascade,
    source     text,
    dyno       text,
    lines      integer     not null,
    tail       boolean     not null,
    created_at timestamptz not null
);
create index log_sessions_created on log_sessions (created_at);

-- A build's output while it runs, one row per chunk the builder sent, numbered under the head row's
-- lock like log lines. When the build ends the text goes to the blob store (done_at set); the rows go
-- some minutes later, once no follower can still be reading them. The build row is inserted by JPA
-- at flush, after the head row, hence the deferred key.
create table build_output_heads (
    build_id uuid primary key references builds (id) on delete cascade deferrable initially deferred,
    chunks   integer not null default 0,
    lines    integer not null default 0,
    done_at  timestamptz
);

create table build_output (
    build_id uuid    not null references build_output_heads (build_id) on delete cascade,
    chunk    integer not null,
    text     text    not null,
    primary key (build_id, chunk)
);

-- Secrets the api makes itself when none is configured (the blob-signing key), so that every api
-- process signs and verifies alike.
create table api_secrets (
    name  text primary key,
    value text not null
);
