/**
 * Artifacts by key (slugs, source tarballs, build caches, repository archives) behind the {@link
 * BlobStore} contract, with {@link LocalBlobStore} as the default, and the signed URLs that let a
 * dyno or {@code curl} read or write one blob with no API key. Start at {@link BlobSigner}, then
 * {@link BlobController}, which serves those URLs.
 */
package dev.hoist.api.blob;
