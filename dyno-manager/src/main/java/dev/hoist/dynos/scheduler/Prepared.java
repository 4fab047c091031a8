package dev.hoist.dynos.scheduler;

/** What came of preparing a slug. */
public sealed interface Prepared {
  record Ready() implements Prepared {}

  /** The downloaded slug does not match its checksum (R17). */
  record ChecksumMismatch(String expected, String actual) implements Prepared {}

  /** The slug could not be downloaded or unpacked; the message is for the app's log. */
  record Failed(String message) implements Prepared {}
}
