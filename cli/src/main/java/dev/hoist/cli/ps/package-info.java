/**
 * Dynos and the formation: {@code ps} ({@link dev.hoist.cli.ps.PsCommand}, start there), {@code
 * ps:scale} (its arguments parsed by {@code ScaleArguments}), {@code ps:type}, {@code ps:restart}
 * and {@code ps:stop}.
 */
package dev.hoist.cli.ps;
