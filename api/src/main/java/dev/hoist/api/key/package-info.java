/**
 * SSH keys: an account's public keys, which the git gateway looks up by fingerprint to let their
 * holder push. {@link PublicKey} parses and checks a key line; start at {@link KeyController}.
 */
package dev.hoist.api.key;
