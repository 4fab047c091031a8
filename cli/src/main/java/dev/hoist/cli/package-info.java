/**
 * The {@code hoist} command line: Heroku CLI command names on top of the Hoist REST API.
 *
 * <p>Start at {@link dev.hoist.cli.Main}, which builds the picocli command line around {@link
 * dev.hoist.cli.Hoist} (the root command and the list of subcommands) and installs {@link
 * dev.hoist.cli.ErrorHandler}, the one place exceptions become messages and exit codes (1 refused
 * or bad usage, 2 API unreachable, 70 anything else). Every command extends {@link
 * dev.hoist.cli.HoistCommand}, or {@link dev.hoist.cli.AppCommand} when it works on one app ({@code
 * -a/--app} or the {@code hoist} git remote, see {@link dev.hoist.cli.AppOptions}). The commands
 * live in one package per topic, one command per file named after it ({@code hoist ps:scale} is
 * {@code ps/PsScaleCommand}); they talk to the API only through {@code api/ApiClient} and read the
 * world outside their arguments only through {@code io/Environment}, which is what lets the tests
 * run whole command lines in-process against a fake API.
 */
package dev.hoist.cli;
