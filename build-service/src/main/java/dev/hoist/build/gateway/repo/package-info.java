/**
 * Each app's bare repository. The api's blob store holds the truth (an archive of the repository,
 * put after every accepted push); the gateway's disk holds a cache of it, restored on first use, so
 * a gateway that lost its disk loses nothing and a push still sends only new objects.
 */
package dev.hoist.build.gateway.repo;
