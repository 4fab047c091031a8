/**
 * Collaborators: accounts other than the owner that may work on an app. {@link
 * CollaboratorController} is the whole API; {@code app.AppAccess} is where the list is consulted.
 * Start at {@link CollaboratorController}.
 */
package dev.hoist.api.collaborator;
