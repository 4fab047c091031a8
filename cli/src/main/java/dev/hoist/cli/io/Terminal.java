package dev.hoist.cli.io;

import dev.hoist.cli.ErrorHandler;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The local terminal in raw mode for {@code hoist run}: keys (Ctrl-C included) go to the dyno as
 * they are typed, and the dyno's terminal echoes them. Driven with {@code stty} on {@code
 * /dev/tty}, so it needs no native code; the settings saved before are put back by {@link
 * #restore()}, which runs from a {@code finally} and, should the JVM be stopped first, from a
 * shutdown hook.
 */
public final class Terminal {

  private static final File TTY = new File("/dev/tty");

  private final String saved;
  private final AtomicBoolean restored = new AtomicBoolean();
  private final Thread hook = new Thread(this::restore, "hoist-restore-terminal");

  private Terminal(String saved) {
    this.saved = saved;
  }

  /**
   * Saves the settings and enters raw mode; null when there is no {@code stty} or no {@code
   * /dev/tty}.
   */
  public static Terminal enterRaw() {
    String saved;
    try {
      saved = stty("-g");
    } catch (IOException e) {
      return null;
    }
    Terminal terminal = new Terminal(saved);
    Runtime.getRuntime().addShutdownHook(terminal.hook);
    try {
      stty("raw", "-echo");
    } catch (IOException e) {
      terminal.restore();
      return null;
    }
    return terminal;
  }

  /** {@code {cols, rows}} from {@code stty size}, or 80×24 when it cannot tell. */
  public static int[] size() {
    try {
      String[] rowsCols = stty("size").split("\\s+");
      int rows = Integer.parseInt(rowsCols[0]);
      int cols = Integer.parseInt(rowsCols[1]);
      if (rows > 0 && cols > 0) {
        return new int[] {cols, rows};
      }
    } catch (IOException | RuntimeException e) {
      // Fall through to the classic size.
    }
    return new int[] {80, 24};
  }

  /**
   * Runs {@code action} on every SIGWINCH. Uses {@code sun.misc.Signal} through reflection, so a
   * JVM without it (or a platform without the signal) simply gets no resize events.
   */
  public static void onResize(Runnable action) {
    try {
      Class<?> signal = Class.forName("sun.misc.Signal");
      Class<?> handler = Class.forName("sun.misc.SignalHandler");
      Object proxy =
          Proxy.newProxyInstance(
              handler.getClassLoader(),
              new Class<?>[] {handler},
              (self, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      action.run();
                      yield null;
                    }
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    default -> "hoist resize handler";
                  });
      Object winch = signal.getConstructor(String.class).newInstance("WINCH");
      signal.getMethod("handle", signal, handler).invoke(null, winch, proxy);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // No resize events: the size sent when attaching stays.
    }
  }

  /** Puts the saved settings back; safe to call more than once and from the shutdown hook. */
  public void restore() {
    if (!restored.compareAndSet(false, true)) {
      return;
    }
    try {
      stty(saved);
    } catch (IOException e) {
      System.err.println(ErrorHandler.BANG + "could not restore the terminal: run 'stty sane'");
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Called from the hook itself: nothing to remove.
    }
  }

  /** Runs {@code stty ARGS < /dev/tty} and answers what it printed. */
  private static String stty(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("stty"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectInput(TTY)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String output =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (process.waitFor() != 0) {
        throw new IOException("stty " + String.join(" ", args) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output;
  }
}
