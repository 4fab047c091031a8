/**
 * Config vars: reading and PATCHing an app's environment, where a real change makes a new release.
 * The rules (key syntax, sizes, the page URLs) and how a PATCH applies are in {@link ConfigVars};
 * start at {@link ConfigController}.
 */
package dev.hoist.api.config;
