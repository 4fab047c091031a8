package dev.hoist.cli;

import dev.hoist.cli.api.ApiException;
import dev.hoist.cli.api.ApiUnreachableException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place exceptions become messages and exit codes.
 *
 * <ul>
 *   <li>1: usage errors ({@code hoist: ...}), refusals and API 4xx ({@code ! message from the API})
 *   <li>2: the API cannot be reached
 *   <li>70: anything else, API 5xx included
 * </ul>
 *
 * Stack traces are printed only with {@code --debug}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  public static final int USER_ERROR = 1;
  static final int UNREACHABLE = 2;
  static final int INTERNAL = 70;

  public static final String BANG = " !    ";

  private final Hoist root;
  private final List<String> args;

  ErrorHandler(Hoist root, String... args) {
    this.root = root;
    this.args = Arrays.asList(args);
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return report(ex, cmd.getErr());
  }

  @Override
  public int handleParseException(ParameterException ex, String[] ignored) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println("hoist: " + usageMessage(ex) + " (see '" + helpHint(ex.getCommandLine()) + "')");
    printTraceIfDebugging(ex, err);
    return USER_ERROR;
  }

  int report(Throwable ex, PrintWriter err) {
    err.println(messageFor(ex));
    printTraceIfDebugging(ex, err);
    return exitCodeFor(ex);
  }

  static int exitCodeFor(Throwable ex) {
    if (ex instanceof ApiException api) {
      return api.isClientError() ? USER_ERROR : INTERNAL;
    }
    if (ex instanceof ApiUnreachableException) {
      return UNREACHABLE;
    }
    if (ex instanceof CliException
        || ex instanceof UsageException
        || ex instanceof ParameterException) {
      return USER_ERROR;
    }
    return INTERNAL;
  }

  static String messageFor(Throwable ex) {
    if (ex instanceof ApiException api) {
      return api.isClientError()
          ? BANG + api.getMessage()
          : BANG + "the Hoist API failed with HTTP " + api.status() + ": " + api.getMessage();
    }
    if (ex instanceof UsageException) {
      return "hoist: " + ex.getMessage();
    }
    if (ex instanceof ApiUnreachableException || ex instanceof CliException) {
      return BANG + ex.getMessage();
    }
    String detail =
        ex.getMessage() == null
            ? ex.getClass().getSimpleName()
            : ex.getClass().getSimpleName() + ": " + ex.getMessage();
    return BANG
        + "internal error: "
        + detail.lines().findFirst().orElse("")
        + " (run with --debug for details)";
  }

  private static String usageMessage(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched
        && !unmatched.isUnknownOption()
        && ex.getCommandLine().getParent() == null
        && !unmatched.getUnmatched().isEmpty()) {
      String word = unmatched.getUnmatched().get(0);
      List<String> suggestions = unmatched.getSuggestions();
      return "'"
          + word
          + "' is not a hoist command"
          + (suggestions.isEmpty() ? "" : "; did you mean " + oneOf(suggestions) + "?");
    }
    String message = ex.getMessage() == null ? "invalid usage" : ex.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** {@code a}, {@code a or b}, {@code a, b or c}. */
  private static String oneOf(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }

  private static String helpHint(CommandLine cmd) {
    return cmd.getParent() == null ? "hoist help" : "hoist help " + cmd.getCommandName();
  }

  private void printTraceIfDebugging(Throwable ex, PrintWriter err) {
    if (root.debug() || args.contains("--debug")) {
      ex.printStackTrace(err);
    }
    err.flush();
  }
}
