package dev.hoist.router.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says in the build log which tests did not run here, and why: one line per test class that skipped
 * any, when the class ends, with how many of its tests it skipped and the reasons. Some tests skip
 * on purpose when a part of the machine is absent (io_uring or epoll not loading: {@code
 * TransportIT}, {@code SubmitNowTest}); Surefire and Failsafe count them as skipped but do not say
 * why, so a run on a machine without io_uring would otherwise look as green as one that ran
 * everything.
 *
 * <p>Registered for every test run of this module through {@code
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener}; it prints to standard
 * output, which Surefire and Failsafe copy into the build log.
 */
public final class SkipReport implements TestExecutionListener {
  /**
   * Per test class: how many of its tests ended (run, failed or skipped), and why each skipped one
   * did.
   */
  private final Map<String, Integer> seen = new HashMap<>();

  private final Map<String, List<String>> skipped = new HashMap<>();

  @Override
  public void executionSkipped(
      TestIdentifier test, String reason) { // @Disabled, or a disabling condition
    String type = className(test);
    if (type == null) return;
    if (test.getSource().orElse(null) instanceof ClassSource)
      print("all tests in " + simple(type) + ": " + reason);
    else count(type, test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    String type = className(test);
    if (type == null) return;
    if (test.isTest()) {
      Throwable cause = result.getThrowable().orElse(null);
      String why =
          cause == null || cause.getMessage() == null
              ? "aborted"
              : cause
                  .getMessage()
                  .replaceFirst("^Assumption failed: ", ""); // the line says SKIPPED already
      count(type, test, result.getStatus() == TestExecutionResult.Status.ABORTED ? why : null);
    } else if (test.getSource().orElse(null) instanceof ClassSource) {
      List<String> why = skipped.remove(type);
      int total = seen.getOrDefault(type, 0);
      seen.remove(type);
      if (why != null)
        print(
            why.size()
                + " of "
                + total
                + " tests in "
                + simple(type)
                + " ("
                + String.join("; ", why)
                + ")");
    }
  }

  private void count(String type, TestIdentifier test, String skipReason) {
    seen.merge(type, 1, Integer::sum);
    if (skipReason == null) return;
    String name = test.getDisplayName();
    if (test.getSource().orElse(null) instanceof MethodSource method
        && !name.startsWith(method.getMethodName())) {
      name = method.getMethodName() + " " + name; // a parameterized test's invocation: "[2] epoll"
    }
    skipped.computeIfAbsent(type, t -> new ArrayList<>()).add(name + ": " + skipReason);
  }

  private static void print(String what) {
    System.out.println("SKIPPED " + what);
  }

  private static String className(TestIdentifier test) {
    Object source = test.getSource().orElse(null);
    if (source instanceof MethodSource method) return method.getClassName();
    if (source instanceof ClassSource type) return type.getClassName();
    return null;
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
