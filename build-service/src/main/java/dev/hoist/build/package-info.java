/**
 * The build service: the git gateway ({@link dev.hoist.build.gateway.Gateway}: SSH and smart HTTP
 * in front of JGit's receive-pack) and the slug compiler ({@link
 * dev.hoist.build.compiler.SlugCompiler}: claims builds from the api and runs the buildpacks). Both
 * talk to the api only, over HTTP with the component token ({@link dev.hoist.internal.builds});
 * neither keeps state that the api or its blob store does not also hold. Settings are read by
 * {@link dev.hoist.build.Settings}.
 */
package dev.hoist.build;
