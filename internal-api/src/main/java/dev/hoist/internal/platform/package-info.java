/**
 * The seed's calls for the platform's own apps: {@link
 * dev.hoist.internal.platform.PlatformAppsApi}.
 */
package dev.hoist.internal.platform;
