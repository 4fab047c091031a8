/**
 * {@code hoist logs}: {@link dev.hoist.cli.logs.LogsCommand} opens a log session and copies its
 * signed stream to standard output line by line, unchanged; on a terminal {@code LogColors} colours
 * each line's prefix. With {@code --tail}, {@code LogTail} reopens a stream that ended or broke and
 * {@code Rejoin} joins the new one to what was printed, so no line is printed twice.
 */
package dev.hoist.cli.logs;
