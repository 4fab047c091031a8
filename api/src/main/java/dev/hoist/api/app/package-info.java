/**
 * Apps: the {@link App} entity (name, owner, live config vars, stack, maintenance), who may see one
 * ({@link AppAccess}, the one access check every feature calls) and creating, renaming and deleting
 * them. Start at {@link AppController} and {@link AppService}. {@link
 * PlatformAppInternalController} is the deploy seed's side: it makes sure a platform app such as
 * {@code hoist-builder} exists and deploys its first, hand-packed slug.
 */
package dev.hoist.api.app;
