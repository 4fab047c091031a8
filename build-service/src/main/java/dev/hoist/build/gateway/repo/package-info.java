/**
 * Each app's bare repository. The api's blob store holds the truth (an archive of the repository,
 * put after every accepted push); the gateway's disk holds a cache of it, restored on first use, so
 * a gateway that lost its disk loses nothing and a push still sends only new objects. Work on an
 * app's repository runs under that app's lock, an OS file lock that holds across every gateway
 * process on the same folder.
 */
package dev.hoist.build.gateway.repo;
