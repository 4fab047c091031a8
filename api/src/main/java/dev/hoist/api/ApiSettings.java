package dev.hoist.api;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code hoist.api.*}; defaults and environment overrides are in
 * application.properties.
 *
 * @param home the platform's data folder ({@code HOIST_HOME}, default {@code ~/.hoist})
 * @param blobDir where the local blob store keeps slugs and tarballs
 * @param publicUrl the api's URL as other components and dynos reach it (used in signed blob URLs)
 * @param appsDomain apps answer at {@code APP.<apps-domain>}
 * @param routerUrl the app's web URL, {@code %s} standing for the app name
 * @param gitUrl the app's git URL, {@code %s} standing for the app name
 * @param componentToken the token other components present on {@code /internal/**}; empty disables
 *     it
 * @param blobSecret the key that signs blob URLs; empty means one made on first start and kept in
 *     the database, shared by every api process
 * @param maxJsonBytes the largest JSON body accepted
 * @param maxSlugBytes the largest slug archive accepted
 * @param stack the stack name reported on apps and slugs
 * @param attachUrl where clients attach to one-off dynos (the dyno manager's attach server)
 */
@ConfigurationProperties("hoist.api")
public record ApiSettings(
    Path home,
    Path blobDir,
    String publicUrl,
    String appsDomain,
    String routerUrl,
    String gitUrl,
    String componentToken,
    String blobSecret,
    long maxJsonBytes,
    long maxSlugBytes,
    String stack,
    String attachUrl) {}
