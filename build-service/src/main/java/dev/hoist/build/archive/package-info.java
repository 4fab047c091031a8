/**
 * gzip tar archives, read and written the safe way: {@link dev.hoist.build.archive.TarUnpacker}
 * refuses entries that would land outside the target folder, {@link
 * dev.hoist.build.archive.TarPacker} writes a folder in a stable order with links kept as links.
 */
package dev.hoist.build.archive;
