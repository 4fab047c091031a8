-- Platform apps (hoist-api, hoist-router, hoist-gateway, hoist-builder): protected, and the only apps whose
-- dynos may run with platform-only options (host network, a fixed port, host mounts). Additive only: an
-- api of the previous release runs beside this one during a deploy and never reads these columns.
alter table apps add column platform boolean not null default false;
alter table apps add column dyno_options jsonb;
