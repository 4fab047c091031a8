/**
 * The SSH front door (Apache MINA SSHD), after Gerrit's: public-key authentication only, against
 * keys registered in the api; one exec command per channel, and only git's two; user errors print
 * {@code fatal: …} and exit 1 without an error in the log; our errors print {@code fatal: internal
 * error (ref …)}, exit 128 and log the cause with that reference. Limits live under {@code
 * hoist.ssh.*}. The host key is one per data folder, shared by every gateway on it, and the
 * listening socket has {@code SO_REUSEPORT}, so gateways can take turns on a port without clients
 * noticing.
 */
package dev.hoist.build.gateway.ssh;
