/**
 * {@code hoist logs}: {@link dev.hoist.cli.logs.LogsCommand} opens a log session and copies its
 * signed stream to standard output line by line, unchanged; on a terminal {@code LogColors} colours
 * each line's prefix.
 */
package dev.hoist.cli.logs;
