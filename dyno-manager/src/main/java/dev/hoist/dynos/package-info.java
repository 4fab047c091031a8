/**
 * The dyno manager: reconciles each app's desired formation, release and one-off dynos (read from
 * the api) against the containers it observes, and keeps them running. Start with {@link
 * dev.hoist.dynos.DynoManager} (embedding) or {@link dev.hoist.dynos.DynoManagerMain} (on its own);
 * the loop is {@link dev.hoist.dynos.reconcile.Reconciler}, the backend contract {@link
 * dev.hoist.dynos.scheduler.Scheduler}, the memory check (R14) {@link
 * dev.hoist.dynos.memory.MemoryWatch}. Every call to the api goes through the internal-api module
 * ({@code dev.hoist.internal}: the desired-state watch, dyno reports, log lines, one-off exits,
 * slug downloads). What it runs while the api is away (the checkpoint, the platform apps' slugs and
 * pins) is {@link dev.hoist.dynos.checkpoint}. docs/dynos.md describes the lifecycle and the
 * settings.
 */
package dev.hoist.dynos;
