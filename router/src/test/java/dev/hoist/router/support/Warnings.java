package dev.hoist.router.support;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings one class logs while a test runs, as text with their parameters filled in. Close it
 * to stop listening.
 */
public final class Warnings extends Handler implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = new CopyOnWriteArrayList<>();

  private Warnings(Class<?> source) {
    this.logger = Logger.getLogger(source.getName());
    logger.addHandler(this);
  }

  public static Warnings of(Class<?> source) {
    return new Warnings(source);
  }

  public List<String> messages() {
    return messages;
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() < Level.WARNING.intValue()) return;
    Object[] parameters = record.getParameters();
    messages.add(
        parameters == null
            ? record.getMessage()
            : MessageFormat.format(record.getMessage(), parameters));
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
