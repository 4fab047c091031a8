/**
 * Dynos, in two halves. Observed: {@link Dyno}, as the dyno manager last reported it through {@link
 * DynoInternalController} (the api only shows it, never acts on it). Desired: restarts and one-off
 * runs, recorded by {@link DynoCommands} for the dyno manager to carry out. Start at {@link
 * DynoCommands}; users reach it through {@link DynoController} (list) and {@link
 * DynoActionsController} (restart, stop, run).
 */
package dev.hoist.api.dyno;
