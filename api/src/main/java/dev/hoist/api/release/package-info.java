/**
 * Releases: numbered, immutable versions of an app (a slug and a snapshot of its config), made by
 * deploys, config changes and rollbacks, with the release phase that may run before one goes live.
 * Start at {@link ReleaseService}; {@link CurrentRelease} is how other packages read what is live,
 * and {@link ReleaseController} is the public API.
 */
package dev.hoist.api.release;
