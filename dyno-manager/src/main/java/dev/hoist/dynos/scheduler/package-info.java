/**
 * The backend contract ({@link dev.hoist.dynos.scheduler.Scheduler}) and the values that cross it:
 * what to run ({@link dev.hoist.dynos.scheduler.DynoSpec}), what runs ({@link
 * dev.hoist.dynos.scheduler.Observed}), and the results of each call. Container names and labels
 * live here so that every backend reads them back alike.
 */
package dev.hoist.dynos.scheduler;
