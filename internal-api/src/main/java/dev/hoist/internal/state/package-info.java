/**
 * The desired state (docs/internal-api.md, "Desired state"): {@link
 * dev.hoist.internal.state.DesiredState} and its long poll, {@link
 * dev.hoist.internal.state.StateApi}. The dyno manager reconciles against it.
 */
package dev.hoist.internal.state;
