package dev.hoist.dynos.scheduler;

/**
 * A slug to prepare: its id, its {@code SHA256:<hex>} checksum (null or blank: not checked), and
 * the stack image it runs on (null: the backend's default run image). One slug on two stacks makes
 * two images.
 */
public record SlugRef(String id, String checksum, String stack) {}
