package dev.hoist.dynos.scheduler;

/**
 * A prepared slug image: which slug, the backend's name for the image, and when it was made (epoch
 * ms).
 */
public record SlugImage(String slugId, String image, long createdAt) {}
