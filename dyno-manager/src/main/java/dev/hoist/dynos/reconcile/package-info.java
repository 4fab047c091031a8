/**
 * The reconcile loop. {@link dev.hoist.dynos.reconcile.Reconciler} runs passes; the decisions are
 * pure and unit-tested ({@link dev.hoist.dynos.reconcile.FormationPlan}, {@link
 * dev.hoist.dynos.reconcile.Slots}, {@link dev.hoist.dynos.reconcile.Backoff}, {@link
 * dev.hoist.dynos.reconcile.Reports}); the side effects run in {@link
 * dev.hoist.dynos.reconcile.DynoActions}, one-offs in {@link dev.hoist.dynos.reconcile.OneOffs}.
 * Where the up dynos answer is published by each pass ({@link
 * dev.hoist.dynos.reconcile.Addresses}). {@link dev.hoist.dynos.reconcile.Wiring} assembles the
 * parts.
 */
package dev.hoist.dynos.reconcile;
