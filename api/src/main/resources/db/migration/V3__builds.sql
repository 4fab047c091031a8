-- Builds: a queue that builder dynos claim from, and each app's buildpacks.
create table builds (
    id                  uuid primary key,
    app_id              uuid        not null references apps (id) on delete cascade,
    status              text        not null,
    source_url          text        not null,
    source_version      text,
    source_description  text,
    buildpacks          jsonb       not null,
    user_id             uuid references accounts (id) on delete set null,
    slug_id             uuid references slugs (id) on delete set null,
    release_id          uuid references releases (id) on delete set null,
    message             text,
    claimed_at          timestamptz,
    last_seen_at        timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index builds_pending on builds (created_at) where status = 'pending';
create index builds_app on builds (app_id, created_at);

create table app_buildpacks (
    app_id  uuid    not null references apps (id) on delete cascade,
    ordinal integer not null,
    url     text    not null,
    primary key (app_id, ordinal)
);
