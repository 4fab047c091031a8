-- The control plane's schema. Every other component reads this state through the api, never directly.

create table accounts (
    id         uuid primary key,
    email      text        not null unique,
    admin      boolean     not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- API keys are stored as SHA-256 hashes: they are random 256-bit secrets, so a fast hash is enough and
-- keeps authentication off the hot path.
create table api_tokens (
    id          uuid primary key,
    account_id  uuid        not null references accounts (id) on delete cascade,
    token_hash  text        not null unique,
    description text        not null,
    created_at  timestamptz not null
);

create table ssh_keys (
    id          uuid primary key,
    account_id  uuid        not null references accounts (id) on delete cascade,
    public_key  text        not null,
    fingerprint text        not null unique,
    comment     text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table apps (
    id          uuid primary key,
    name        text        not null unique,
    owner_id    uuid        not null references accounts (id),
    config      jsonb       not null default '{}',
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    released_at timestamptz
);

create table collaborators (
    id         uuid primary key,
    app_id     uuid        not null references apps (id) on delete cascade,
    account_id uuid        not null references accounts (id) on delete cascade,
    created_at timestamptz not null,
    unique (app_id, account_id)
);

create table slugs (
    id                 uuid primary key,
    app_id             uuid        not null references apps (id) on delete cascade,
    process_types      jsonb       not null,
    checksum           text,
    commit_sha         text,
    commit_description text,
    stack              text        not null,
    size               bigint,
    uploaded           boolean     not null default false,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);

create table releases (
    id          uuid primary key,
    app_id      uuid        not null references apps (id) on delete cascade,
    version     integer     not null,
    description text        not null,
    status      text        not null,
    slug_id     uuid references slugs (id),
    config      jsonb       not null,
    user_id     uuid references accounts (id) on delete set null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    unique (app_id, version)
);

create table formations (
    id         uuid primary key,
    app_id     uuid        not null references apps (id) on delete cascade,
    type       text        not null,
    quantity   integer     not null,
    size       text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (app_id, type)
);

-- Observed dynos, as the dyno manager last reported them: never desired state.
create table dynos (
    id              uuid primary key,
    app_id          uuid        not null references apps (id) on delete cascade,
    name            text        not null,
    type            text        not null,
    state           text        not null,
    command         text        not null,
    size            text        not null,
    release_version integer,
    container_id    text,
    address         text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    unique (app_id, name)
);

-- One counter for all desired state (releases, formation, apps). Watchers long-poll on it.
create table state_revision (
    id       integer primary key check (id = 1),
    revision bigint not null
);
insert into state_revision (id, revision) values (1, 1);
