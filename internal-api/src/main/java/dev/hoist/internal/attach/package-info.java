/**
 * The attach protocol of {@code hoist run}, shared by the CLI and the dyno manager: {@link
 * dev.hoist.internal.attach.AttachProtocol}.
 */
package dev.hoist.internal.attach;
