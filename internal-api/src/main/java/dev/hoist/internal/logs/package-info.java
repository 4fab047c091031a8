/**
 * Log lines from the components to the api (docs/internal-api.md, "Logs"): {@link
 * dev.hoist.internal.logs.LogLine} and {@link dev.hoist.internal.logs.LogApi}.
 */
package dev.hoist.internal.logs;
