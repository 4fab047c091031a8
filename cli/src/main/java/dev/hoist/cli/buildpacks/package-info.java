/**
 * An app's buildpack list: {@code buildpacks} shows it; {@code buildpacks:set}, {@code :add},
 * {@code :remove} and {@code :clear} change it through {@link
 * dev.hoist.cli.buildpacks.BuildpacksChangeCommand}, which reads the list, lets the command compute
 * the new one (refusing before anything is sent) and PUTs it whole. Start there.
 */
package dev.hoist.cli.buildpacks;
