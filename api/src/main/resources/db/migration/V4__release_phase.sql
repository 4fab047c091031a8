-- Release phase: a one-off dyno that runs the new release's `release` command before it goes live.
alter table one_off_dynos add column release_version integer;
-- Platform apps (hoist-builder) run on another stack image than the default run image.
alter table apps add column stack_image text;
