/**
 * The admin's view of the platform's own parts: {@code platform} ({@link
 * dev.hoist.cli.platform.PlatformCommand}) shows each platform app, its release, its dynos and
 * whether it is healthy, from {@code GET /platform}.
 */
package dev.hoist.cli.platform;
