-- Maintenance mode: the router answers the app's requests with a 503 maintenance page (H80) meanwhile.
alter table apps add column maintenance boolean not null default false;
