/**
 * The control plane: a Spring Boot app that keeps Hoist's desired state in PostgreSQL and serves
 * the public API (the cli's) and the {@code /internal/**} API (the other components', on the
 * component token). One package per feature below this one; controllers are thin and
 * package-private, services hold the transactions, and every {@code /internal/**} endpoint lives in
 * a {@code *InternalController}. Start at {@link ApiApplication} and {@link ApiSettings} (the
 * {@code hoist.api.*} settings), then {@code app}; {@code state} is what the dyno manager and the
 * router watch, {@code web} the error shape.
 */
package dev.hoist.api;
