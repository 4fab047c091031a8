package dev.hoist.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The internal API's JSON: snake_case names, unknown fields ignored (the api may add fields before
 * a component knows them), times ISO-8601 UTC with microseconds (log lines keep their order within
 * a second). One mapper for every component; {@link #strict()} is the same wire refusing unknown
 * fields, for tests.
 */
public final class WireJson {
  static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Thread-safe once configured, as Jackson's mappers are. */
  public static final ObjectMapper MAPPER =
      configure(new ObjectMapper()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private WireJson() {}

  /**
   * A mapper of the same wire that refuses fields a record does not know: contract tests use it.
   */
  public static ObjectMapper strict() {
    return configure(new ObjectMapper()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .registerModule(new JavaTimeModule())
        .registerModule(
            new SimpleModule()
                .addSerializer(
                    Instant.class,
                    new JsonSerializer<>() {
                      @Override
                      public void serialize(
                          Instant value, JsonGenerator gen, SerializerProvider serializers)
                          throws IOException {
                        gen.writeString(MICROS.format(value));
                      }
                    }));
  }
}
