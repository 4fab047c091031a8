package dev.hoist.cli;

import dev.hoist.cli.io.Environment;
import dev.hoist.cli.run.RunCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;

/** Entry point of {@code hoist-cli.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    System.exit(execute(Environment.system(), out, err, args));
  }

  /**
   * Runs one command line against {@code env}; what {@code main} does, minus {@code System.exit}.
   */
  public static int execute(Environment env, PrintWriter out, PrintWriter err, String... args) {
    Hoist root = new Hoist(env);
    ErrorHandler errors = new ErrorHandler(root, args);
    CommandLine cli =
        new CommandLine(root)
            .setOut(out)
            .setErr(err)
            .setExpandAtFiles(false)
            .setExecutionExceptionHandler(errors)
            .setParameterExceptionHandler(errors);
    RunCommand.configure(cli);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
