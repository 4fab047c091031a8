/**
 * Slugs: a compiled app's process types and its archive in the blob store, which {@link
 * SlugArchive} checks whole before it is stored (no paths or links out of {@code /app}). Start at
 * {@link SlugService}; {@link SlugController} is the bring-your-own-slug API and {@link
 * SlugArchiveController} serves the signed upload and download URLs.
 */
package dev.hoist.api.slug;
