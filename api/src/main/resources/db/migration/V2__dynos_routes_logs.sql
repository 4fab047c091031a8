-- Dynos, routes and one-offs: what the dyno manager and router need beyond formation and releases.

-- A dyno name repeats across releases during a deploy (old web.1 drains while new web.1 boots).
alter table dynos drop constraint dynos_app_id_name_key;
alter table dynos add constraint dynos_app_name_release unique (app_id, name, release_version);
alter table dynos add column routable boolean not null default true;
alter table dynos add column exit_code integer;

-- A second revision counter: routes move far more often than desired state (every dyno state change),
-- and the dyno manager should not wake for those.
alter table state_revision drop constraint state_revision_id_check;
alter table state_revision add constraint state_revision_id_check check (id in (1, 2));
insert into state_revision (id, revision) values (2, 1);

-- Restart requests, level-triggered: a dyno that started before the newest request that applies to it
-- (target '*', its type, or its name) is replaced.
create table dyno_restarts (
    app_id       uuid        not null references apps (id) on delete cascade,
    target       text        not null,
    requested_at timestamptz not null,
    primary key (app_id, target)
);

-- One-off dynos asked for and not finished yet.
create table one_off_dynos (
    id            uuid primary key,
    app_id        uuid        not null references apps (id) on delete cascade,
    name          text        not null,
    command       text        not null,
    size          text        not null,
    env           jsonb       not null,
    attach        boolean     not null,
    attach_token  text,
    time_to_live  integer     not null,
    created_at    timestamptz not null,
    unique (app_id, name)
);
