/**
 * git's smart HTTP protocol on the JDK's own HTTP server ({@code com.sun.net.httpserver}): no
 * servlet container for two kinds of request. The API key is the basic-auth password, checked with
 * the api. The server listens on loopback behind a relay that holds the public port with {@code
 * SO_REUSEPORT}, which the JDK's server cannot set.
 */
package dev.hoist.build.gateway.http;
