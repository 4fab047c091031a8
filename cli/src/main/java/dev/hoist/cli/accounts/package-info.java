/**
 * The admin's commands for who may use the platform: {@code accounts} lists them, {@code
 * accounts:add} ({@link dev.hoist.cli.accounts.AccountsAddCommand}) creates one and prints its
 * first API key.
 */
package dev.hoist.cli.accounts;
