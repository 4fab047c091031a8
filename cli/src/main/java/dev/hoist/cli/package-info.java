/**
 * The {@code hoist} command line: Heroku CLI command names on top of the Hoist REST API.
 *
 * <p>Start at {@link dev.hoist.cli.Main}, which builds the picocli command line around
 * {@link dev.hoist.cli.Hoist} (the root command and the list of subcommands) and installs
 * {@link dev.hoist.cli.ErrorHandler}, the one place exceptions become messages and exit codes
 * (1 refused or bad usage, 2 API unreachable, 70 anything else). Each topic's commands live in one
 * small file ({@code ConfigCommands}, {@code KeysCommands}, ...) and talk to the API only through
 * {@link dev.hoist.cli.ApiClient}. Nothing reads the process environment directly: it comes in
 * through {@link dev.hoist.cli.Environment}, which is what lets the tests run whole command lines
 * in-process against a fake API.
 */
package dev.hoist.cli;
