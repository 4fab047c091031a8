/**
 * Observed dynos (docs/internal-api.md, "Observed dynos"): {@link
 * dev.hoist.internal.dynos.DynoReport} and the calls that send them, {@link
 * dev.hoist.internal.dynos.DynoApi}.
 */
package dev.hoist.internal.dynos;
