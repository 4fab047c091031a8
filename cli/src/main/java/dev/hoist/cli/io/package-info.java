/**
 * The CLI's side of the local machine: {@link dev.hoist.cli.io.Environment} (variables,
 * directories, standard streams, the clock; start there), the credentials file and the settings
 * made from it and the environment ({@link dev.hoist.cli.io.CredentialsFile}, {@link
 * dev.hoist.cli.io.Settings}), the local {@code git} ({@link dev.hoist.cli.io.Git}), the terminal
 * in raw mode for {@code hoist run} ({@link dev.hoist.cli.io.Terminal}), and the Heroku-style text
 * output every command prints with ({@link dev.hoist.cli.io.Output}, {@link
 * dev.hoist.cli.io.Table}).
 */
package dev.hoist.cli.io;
