package dev.hoist.dynos.scheduler;

/** How a dyno's process ended: its status, and whether the kernel killed it for memory (R15). */
public record Exit(int status, boolean oomKilled) {}
