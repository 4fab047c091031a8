package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiUnreachableException;
import dev.hoist.cli.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Following a build's output as it arrives, for {@code builds:output} and {@code builds:create}.
 */
final class BuildOutput {

  private BuildOutput() {}

  /**
   * Copies the build's {@code output_stream_url} to {@code out} until the API ends it, which for a
   * running build is when the build ends. The URL is signed: no API key goes with it.
   */
  static void follow(ApiClient api, JsonNode build, OutputStream out) {
    String url = Json.text(build, "output_stream_url", null);
    if (url == null) {
      throw new CliException(
          "the API shows build " + BuildLookup.shortId(build) + " without an output_stream_url");
    }
    try (InputStream output = api.openSigned(url, !BuildLookup.finished(build))) {
      copy(output, out);
    } catch (IOException e) {
      throw new ApiUnreachableException(
          api.apiUrl(),
          "the build output broke off ("
              + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
              + ")",
          e);
    }
  }

  /**
   * Copies {@code in} to {@code out}, flushing every chunk as it arrives: a builder's progress
   * often sits on an unfinished line ({@code Installing... }) for a while. Stops early when {@code
   * out} is a {@link PrintStream} that can no longer be written (the reader of a pipe went away).
   */
  static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      out.flush();
      if (out instanceof PrintStream stream && stream.checkError()) {
        return;
      }
    }
  }
}
