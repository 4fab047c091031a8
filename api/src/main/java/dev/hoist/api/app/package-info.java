/**
 * Apps: the {@link App} entity (name, owner, live config vars, stack, maintenance), who may see one
 * and who may change it ({@link AppAccess}, the one access check every feature calls) and creating,
 * renaming and deleting them. Start at {@link AppController} and {@link AppService}.
 *
 * <p>Platform apps ({@code hoist-api}, {@code hoist-router}, {@code hoist-gateway}, {@code
 * hoist-builder}) are the platform's own parts. {@link PlatformAppInternalController} is the deploy
 * seed's side: it makes sure each exists, marked platform, with its platform-only {@link
 * DynoOptions}, and deploys its first, hand-packed slug. {@link PlatformApps} holds what they are
 * spared (changes by the admin only, never below 1, never destroyed nor renamed); {@link
 * PlatformController} serves {@code GET /platform}, the admin's view of them.
 */
package dev.hoist.api.app;
