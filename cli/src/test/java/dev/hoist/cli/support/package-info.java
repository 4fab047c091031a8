/**
 * What the CLI's tests share: {@link dev.hoist.cli.support.CliRunner} runs a whole {@code hoist}
 * command line in-process and captures its output and exit code, against a {@link
 * dev.hoist.cli.support.FakeApi} (canned answers, a record of every request) and, where a command
 * needs one, a real git repository ({@link dev.hoist.cli.support.GitRepo}).
 */
package dev.hoist.cli.support;
