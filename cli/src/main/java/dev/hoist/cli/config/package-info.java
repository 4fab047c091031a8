/**
 * Config vars: {@code config} and {@code config:get} read them, {@code config:set} and {@code
 * config:unset} change them with one {@code PATCH} (one release) after checking every argument.
 * {@link dev.hoist.cli.config.ConfigVars} reads {@code KEY=value} arguments (for {@code run -e}
 * too) and quotes values for a shell; start at {@link dev.hoist.cli.config.ConfigSetCommand}.
 */
package dev.hoist.cli.config;
