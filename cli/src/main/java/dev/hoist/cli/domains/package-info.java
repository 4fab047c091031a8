/**
 * Custom domains: {@code domains} (the default domain, then the custom ones with the DNS record
 * each needs), {@code domains:add}, {@code domains:info}, {@code domains:remove}, {@code
 * domains:clear} (one {@code DELETE} per custom domain) and {@code domains:wait}, whose polling is
 * {@link dev.hoist.cli.domains.DomainWait}.
 */
package dev.hoist.cli.domains;
