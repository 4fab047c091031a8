/**
 * An app's collaborators: {@code access} lists them with their roles, {@code access:add} and {@code
 * access:remove} ({@link dev.hoist.cli.access.AccessAddCommand}) change them, by email.
 */
package dev.hoist.cli.access;
