package dev.hoist.cli;

import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.io.CredentialsFile;
import dev.hoist.cli.io.Environment;
import dev.hoist.cli.io.Settings;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: access to the shared state in {@link Hoist}, the output streams picocli
 * was given, and {@code -h/--help}. A command returns its exit code from {@link #run()} and reports
 * failures by throwing; {@link ErrorHandler} turns those into messages and exit codes.
 */
public abstract class HoistCommand implements Callable<Integer> {

  @ParentCommand Hoist hoist;

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help.")
  boolean help;

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  protected abstract int run() throws Exception;

  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Standard output as bytes, after flushing what was written to {@link #out()}. */
  protected OutputStream rawOut() {
    out().flush();
    return env().stdoutStream();
  }

  /** Standard error as bytes, after flushing what was written to {@link #err()}. */
  protected OutputStream rawErr() {
    err().flush();
    return env().stderrStream();
  }

  protected Environment env() {
    return hoist.env();
  }

  protected ApiClient api() {
    return hoist.api();
  }

  protected Settings settings() {
    return hoist.settings();
  }

  protected CredentialsFile credentialsFile() {
    return hoist.credentialsFile();
  }

  /** A one-line usage error for this command: exit 1, nothing sent. */
  protected ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
