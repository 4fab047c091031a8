package dev.hoist.internal.logs;

import dev.hoist.internal.InternalApi;
import dev.hoist.internal.InternalApiException;
import java.util.List;

/**
 * {@code POST /internal/logs} in its JSON form, at most 1,000 lines a call. The router sends the
 * text form on a socket of its own ({@code router/log/LogPoster}), where its speed was measured to
 * matter.
 */
public final class LogApi {
  public static final int MAX_LINES = 1000;
  private final InternalApi api;

  public LogApi(InternalApi api) {
    this.api = api;
  }

  public void post(List<LogLine> lines) throws InternalApiException {
    if (lines.size() > MAX_LINES)
      throw new IllegalArgumentException(lines.size() + " lines; at most " + MAX_LINES);
    api.send("POST", "/internal/logs", lines);
  }
}
