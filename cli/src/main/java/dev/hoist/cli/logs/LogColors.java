package dev.hoist.cli.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Colours a log line's prefix for a terminal, as {@code heroku logs} does: the timestamp dimmed,
 * the {@code source[dyno]} header in one colour per process type (platform lines in magenta). The
 * message is left alone, and a line of another shape is returned unchanged.
 */
final class LogColors {

  static final String RESET = "\u001b[0m";
  static final String DIM = "\u001b[2m";
  static final String PLATFORM = "\u001b[35m";
  static final List<String> PALETTE =
      List.of("\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[34m", "\u001b[91m");

  private LogColors() {}

  /** {@code TIMESTAMP source[dyno]: message}, with the prefix (ASCII by construction) coloured. */
  static byte[] colorize(byte[] line) {
    int space = indexOf(line, " ", 0);
    int end = space < 0 ? -1 : indexOf(line, "]: ", space);
    if (end < 0) {
      return line;
    }
    String header = new String(line, space + 1, end + 1 - (space + 1), StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 24);
    out.writeBytes(
        (DIM
                + new String(line, 0, space, StandardCharsets.US_ASCII)
                + RESET
                + " "
                + colorOf(header)
                + header
                + RESET)
            .getBytes(StandardCharsets.US_ASCII));
    out.write(line, end + 1, line.length - end - 1);
    return out.toByteArray();
  }

  private static String colorOf(String header) {
    if (header.startsWith("hoist[")) {
      return PLATFORM;
    }
    int open = header.indexOf('[');
    String dyno = header.substring(open + 1, header.length() - 1);
    String type = dyno.contains(".") ? dyno.substring(0, dyno.indexOf('.')) : dyno;
    return PALETTE.get(Math.floorMod(type.hashCode(), PALETTE.size()));
  }

  private static int indexOf(byte[] bytes, String needle, int from) {
    byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = from; i <= bytes.length - n.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (bytes[i + j] != n[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
