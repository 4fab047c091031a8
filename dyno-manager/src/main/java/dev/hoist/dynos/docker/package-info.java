/**
 * The {@code docker} backend: {@link dev.hoist.dynos.docker.DockerScheduler} on docker-java, slug
 * images prepared once per slug ({@link dev.hoist.dynos.docker.SlugImages}), the dyno contract as
 * container settings ({@link dev.hoist.dynos.docker.ContainerSpecs}), events, log follows and a raw
 * attach that can half-close stdin.
 */
package dev.hoist.dynos.docker;
