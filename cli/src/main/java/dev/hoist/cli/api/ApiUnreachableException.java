package dev.hoist.cli.api;

/** No answer from the API: connection refused, unknown host, or a timeout. Exit code 2. */
public class ApiUnreachableException extends RuntimeException {

  private final String apiUrl;
  private final String reason;

  public ApiUnreachableException(String apiUrl, String reason, Throwable cause) {
    super("cannot reach the Hoist API at " + apiUrl + ": " + reason, cause);
    this.apiUrl = apiUrl;
    this.reason = reason;
  }

  public String apiUrl() {
    return apiUrl;
  }

  public String reason() {
    return reason;
  }
}
