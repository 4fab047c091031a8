/**
 * What every endpoint shares: the one error shape ({@link ApiError}) and its typed error ({@link
 * ApiException}), the handler that writes every failure ({@link ApiErrorHandler}), JSON settings,
 * body size limits, {@code Range} paging and {@code /health}. Start at {@link ApiException}, then
 * {@link ApiErrorHandler}.
 */
package dev.hoist.api.web;
