package dev.hoist.cli.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/** The one Jackson mapper, and pretty printing the way {@code JSON.stringify(x, null, 2)} does. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final ObjectWriter PRETTY;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    PRETTY = MAPPER.writer(printer);
  }

  private Json() {}

  public static String pretty(Object value) {
    try {
      return PRETTY.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The field as text, or {@code fallback} when it is missing or null. Dotted paths walk objects.
   */
  public static String text(JsonNode node, String path, String fallback) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      if (current == null || !current.isObject()) {
        return fallback;
      }
      current = current.get(part);
    }
    return current == null || current.isNull() ? fallback : current.asText();
  }

  public static String text(JsonNode node, String path) {
    return text(node, path, "");
  }
}
