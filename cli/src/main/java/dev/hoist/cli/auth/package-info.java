/**
 * Logging in and out: {@code login} checks an email and API key against {@code GET /account} and
 * writes the credentials file, {@code logout} removes the key from it, {@code auth:whoami} and
 * {@code auth:token} say who and which key. Start at {@link dev.hoist.cli.auth.LoginCommand}; the
 * file itself is {@link dev.hoist.cli.io.CredentialsFile}.
 */
package dev.hoist.cli.auth;
