/**
 * The git gateway (Apache SSHD + JGit receive-pack) and the slug compiler that runs buildpacks in builder
 * dynos. Built in the git-push issue; this module exists now so the reactor has its final shape.
 */
package dev.hoist.build;
