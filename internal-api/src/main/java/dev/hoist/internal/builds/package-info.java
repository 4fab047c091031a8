/**
 * Builds on the internal API (docs/internal-api.md, "Builds"): the git gateway's calls ({@link
 * dev.hoist.internal.builds.GatewayApi}: who pushes, may they, where sources go, start and follow a
 * build), the slug compiler's ({@link dev.hoist.internal.builds.BuilderApi}: claim, output, slug,
 * finish) and their shapes ({@link dev.hoist.internal.builds.BuildRecords}).
 */
package dev.hoist.internal.builds;
