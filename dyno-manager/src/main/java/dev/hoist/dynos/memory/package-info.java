/**
 * R14, memory quota exceeded: {@link dev.hoist.dynos.memory.MemoryWatch} samples every running
 * dyno's memory on its own thread and logs the dynos above their size's quota ({@link
 * dev.hoist.dynos.memory.MemoryQuota}). R15, the kill at twice the quota, is the kernel's (the
 * container's hard limit) and is logged by the reconcile loop.
 */
package dev.hoist.dynos.memory;
