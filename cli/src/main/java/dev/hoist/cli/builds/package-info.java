/**
 * Builds: {@code builds}, {@code builds:info}, {@code builds:output}, {@code builds:create} and
 * {@code builds:cache:purge}. {@code BuildLookup} finds a build by id or the id's first characters;
 * {@code BuildOutput} follows a build's signed output stream as it arrives. Start at {@link
 * dev.hoist.cli.builds.BuildsCreateCommand}, which does what a {@code git push} does from a tarball
 * URL.
 */
package dev.hoist.cli.builds;
