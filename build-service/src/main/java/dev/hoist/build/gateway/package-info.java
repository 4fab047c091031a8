/**
 * The git gateway: {@code git push} and {@code git fetch} over SSH ({@code ssh} package, Apache
 * MINA SSHD) and smart HTTP ({@code http} package, the JDK's HTTP server), both ending in JGit's
 * receive-pack and upload-pack ({@link dev.hoist.build.gateway.GitSessions}). The {@code receive}
 * package holds the pre-receive hooks that turn a push into a build; {@code repo} keeps each app's
 * bare repository, a local cache of the archive in the api's blob store.
 *
 * <p>Start with {@link dev.hoist.build.gateway.Gateway}. Every request is checked in the same
 * order: credentials (an SSH key or an API key, looked up in the api), the command and the
 * repository path ({@link dev.hoist.build.gateway.GitRequest}, validated before anything else),
 * then access to the app. A refusal is a {@link dev.hoist.build.gateway.UserError}; each front door
 * turns it into its own answer ({@code fatal: …} and exit 1 on SSH, a 4xx on HTTP).
 *
 * <p>Several gateways may run on one data folder and one pair of ports (a deploy of {@code
 * hoist-gateway}, or two of its dynos): they share the SSH host key and each app's repository lock.
 * {@link dev.hoist.build.gateway.Gateway#drain} stops one without cutting its pushes short,
 * counting them in {@link dev.hoist.build.gateway.Connections}.
 */
package dev.hoist.build.gateway;
