/**
 * The attach server for one-off dynos ({@code attach_url}; the protocol is internal-api's {@link
 * dev.hoist.internal.attach.AttachProtocol}, described in docs/internal-api.md): {@link
 * dev.hoist.dynos.attach.AttachServer} accepts, {@link dev.hoist.dynos.attach.AttachSession} speaks
 * the protocol, {@link dev.hoist.dynos.attach.AttachTarget} is what it needs from the dyno manager.
 */
package dev.hoist.dynos.attach;
