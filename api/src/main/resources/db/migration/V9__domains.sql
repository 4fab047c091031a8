-- Custom domains: a hostname (lower case, no trailing dot; `*.example.com` for a wildcard) belongs to one
-- app in the whole platform, and goes when its app goes. The app's default APP.<apps-domain> is not a row:
-- the api derives it from the app's name, so a rename moves it. Additive: an api of the previous release,
-- running beside this one during a deploy, never reads this table.
create table domains (
    id         uuid primary key,
    app_id     uuid        not null references apps (id) on delete cascade,
    hostname   text        not null unique,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index domains_app_id on domains (app_id);
