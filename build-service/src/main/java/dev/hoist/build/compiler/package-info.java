/**
 * The slug compiler: claims pending builds from the api, one at a time, and runs each with the
 * buildpacks' driver ({@code buildpacks/bin/build}) in a fresh private scratch folder, under a
 * time, disk and (optionally) memory limit, streaming every output line back; then hands in the
 * slug and the build cache and finishes the build. Runs in builder dynos of the platform app {@code
 * hoist-builder} ({@link dev.hoist.build.compiler.BuilderMain}) or in-process in the seed ({@link
 * dev.hoist.build.compiler.SlugCompiler}). Start with {@link dev.hoist.build.compiler.BuildRun}.
 */
package dev.hoist.build.compiler;
