/**
 * Apps themselves: {@code apps}, {@code apps:create}, {@code apps:info}, {@code apps:rename},
 * {@code apps:destroy}, and {@code git:remote}, which points a local git remote at an app. The
 * commands that change an app's name or existence keep the local {@code hoist} remote in step;
 * start at {@link dev.hoist.cli.apps.AppsCreateCommand}.
 */
package dev.hoist.cli.apps;
