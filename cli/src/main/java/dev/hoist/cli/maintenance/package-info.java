/**
 * Maintenance mode: {@code maintenance} says on or off, {@code maintenance:on} and {@code
 * maintenance:off} set it with one {@code PATCH} of the app ({@link
 * dev.hoist.cli.maintenance.MaintenanceSwitchCommand}).
 */
package dev.hoist.cli.maintenance;
