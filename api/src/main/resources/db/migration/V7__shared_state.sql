-- What one api process used to keep in memory, now shared by every api process through the database
-- (issue 14: the api runs as several dynos, any of which answers any request). Additive only, so an
-- older api keeps working beside a newer one during a deploy.

-- Each app's log: the newest 1,500 lines. Lines are numbered per app (seq) in commit order: a batch
-- takes its numbers by updating its app's log_heads row, whose lock it holds until it commits, so a
-- tail that has read up to seq N never later finds a committed line below N. No foreign key to apps:
-- a batch racing an app's deletion must not fail the other apps' lines; the api forgets a deleted
-- app's lines itself.
create table log_heads (
    app_id uuid primary key,
    head   bigint not null
);

create table log_lines (
    app_id    uuid        not null,
    seq       bigint      not null,
    logged_at timestamptz not null,
    source    text        not null,
    dyno      text        not null,
    message   text        not null,
    primary key (app_id, seq)
);

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
