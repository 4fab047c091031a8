package dev.hoist.dynos.memory;

import java.util.List;

/**
 * R14's rule and words. A dyno above its size's quota gets two lines at every sample, as Heroku
 * logs them: {@code Process running mem=620MB(121.1%)} then {@code Error R14 (Memory quota
 * exceeded)}; at or below it, none. Megabytes are MiB, as the quotas are written (512 MB is 512
 * MiB): whole, rounded to the nearest; the share of the quota has one decimal, halves rounded up,
 * so 512 MiB and a byte reads {@code mem=512MB(100.0%)}.
 */
final class MemoryQuota {
  static final String R14 = "Error R14 (Memory quota exceeded)";
  private static final long MB = 1024 * 1024;

  private MemoryQuota() {}

  /** The lines to log for one sample: two when {@code usedBytes} is above the quota, else none. */
  static List<String> exceeded(long usedBytes, int quotaMb) {
    long quota = quotaMb * MB;
    if (quotaMb <= 0 || usedBytes <= quota) return List.of();
    return List.of("Process running " + usage(usedBytes, quota), R14);
  }

  /**
   * {@code mem=620MB(121.1%)}. Whole-number arithmetic, so that no half is lost to a binary
   * fraction.
   */
  static String usage(long usedBytes, long quotaBytes) {
    long mb = (usedBytes + MB / 2) / MB;
    long tenths =
        (usedBytes * 1000 + quotaBytes / 2) / quotaBytes; // fits in a long up to 9 PB of use
    return "mem=" + mb + "MB(" + tenths / 10 + "." + tenths % 10 + "%)";
  }
}
