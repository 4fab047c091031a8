/**
 * One-off dynos: {@code run} ({@link dev.hoist.cli.run.RunCommand}, start there) attaches this
 * terminal to a new dyno through an {@code AttachSession}, the client end of the dyno manager's
 * attach protocol; {@code run:detached} starts one whose output goes to the logs. Both take the
 * same {@code RunOptions}.
 */
package dev.hoist.cli.run;
