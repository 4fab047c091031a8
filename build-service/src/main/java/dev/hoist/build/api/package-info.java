/**
 * The api's internal endpoints as the build service uses them ({@code docs/internal-api.md}): the
 * gateway's side ({@link dev.hoist.build.api.GatewayApi}), the builder's side
 * ({@link dev.hoist.build.api.BuilderApi}), and signed blob URLs ({@link dev.hoist.build.api.Blobs}).
 * Every call carries the component token; none logs it, nor a signed URL's query (which is a secret
 * for as long as it is valid).
 */
package dev.hoist.build.api;
