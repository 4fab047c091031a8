/**
 * Formation: how many dynos of each process type an app wants, and of what {@link DynoSize};
 * desired state for the dyno manager. A batch of updates is checked whole and applied in one
 * transaction. Start at {@link FormationService}; {@link FormationController} maps {@code
 * /apps/{app}/formation} to it.
 */
package dev.hoist.api.formation;
