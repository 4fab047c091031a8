package dev.hoist.dynos.scheduler;

/**
 * The backend itself failed (unreachable, refused, answered nonsense); the next pass tries again.
 */
public class SchedulerException extends RuntimeException {
  public SchedulerException(String message, Throwable cause) {
    super(message, cause);
  }
}
