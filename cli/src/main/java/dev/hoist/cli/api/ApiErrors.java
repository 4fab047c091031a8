package dev.hoist.cli.api;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns an error response into an {@link ApiException}, whatever shape its body has. */
final class ApiErrors {

  private ApiErrors() {}

  static ApiException fromResponse(int status, String body) {
    String id = null;
    String message = null;
    if (body != null && !body.isBlank()) {
      try {
        JsonNode json = Json.MAPPER.readTree(body);
        if (json != null && json.isObject()) {
          id = Json.text(json, "id", null);
          message = Json.text(json, "message", null);
        }
      } catch (Exception notJson) {
        message = firstLine(body);
      }
    }
    if (message == null || message.isBlank()) {
      message = "HTTP " + status + (id != null ? " (" + id + ")" : "");
    }
    return new ApiException(status, id, message);
  }

  private static String firstLine(String body) {
    String line = body.strip().lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
