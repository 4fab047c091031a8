/**
 * The SSH keys that may {@code git push}: {@code keys}, {@code keys:add} (the usual {@code ~/.ssh}
 * key when no file is given) and {@code keys:remove} ({@link dev.hoist.cli.keys.KeysRemoveCommand},
 * which finds the key by fingerprint, id or comment and deletes it by id).
 */
package dev.hoist.cli.keys;
