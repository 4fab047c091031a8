/**
 * Releases: {@code releases}, {@code releases:info} and {@code rollback}, which makes a new release
 * from an earlier one's slug and config. {@link dev.hoist.cli.releases.ReleaseHistory} reads the
 * history (newest-first pages, the current release) and parses {@code v5}; start there.
 */
package dev.hoist.cli.releases;
