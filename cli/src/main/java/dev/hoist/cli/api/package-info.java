/**
 * The public Hoist API as the CLI speaks it: {@link dev.hoist.cli.api.ApiClient} sends the API key
 * and the Heroku v3 headers and answers parsed JSON, or throws {@link
 * dev.hoist.cli.api.ApiException} for a 4xx/5xx (its body mapped by {@code ApiErrors}) and {@link
 * dev.hoist.cli.api.ApiUnreachableException} when no answer comes. Paths are built with {@link
 * dev.hoist.cli.api.ApiPaths}, JSON read and printed with {@link dev.hoist.cli.api.Json}. This
 * client is the CLI's own, not the components' internal one: its contract is the user's exit codes.
 * Start at {@code ApiClient}.
 */
package dev.hoist.cli.api;
