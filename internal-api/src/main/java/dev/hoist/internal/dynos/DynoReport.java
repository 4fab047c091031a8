package dev.hoist.internal.dynos;

/**
 * One observed dyno in {@code PUT /internal/apps/{app}/dynos}. Names repeat during a deploy (the
 * old and the new {@code web.1}); {@code releaseVersion} and {@code containerId} tell them apart.
 * {@code containerId} is null while a dyno has no container yet (its image is being prepared) or
 * could not get one (R17).
 */
public record DynoReport(
    String name,
    String type,
    String state,
    String command,
    String size,
    Integer releaseVersion,
    String containerId,
    String address,
    boolean routable,
    Integer exitCode) {}
