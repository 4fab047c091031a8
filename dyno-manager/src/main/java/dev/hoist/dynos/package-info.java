/**
 * The dyno manager: reconciles each app's desired formation and current release against the Docker
 * containers it observes. Built in the dyno-manager/router issue; this module exists now so the reactor
 * has its final shape.
 */
package dev.hoist.dynos;
