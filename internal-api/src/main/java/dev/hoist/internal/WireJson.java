package dev.hoist.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
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
   * A mapper of the same wire that refuses what the lenient one forgives: fields a record does not
   * know, a null or missing value for a primitive ({@code int}, {@code boolean}), and a value of
   * the wrong JSON type (text for a number or a flag, a fraction for an int). Contract tests use
   * it, so a field renamed or retyped on either side fails there instead of reading as 0, false or
   * null.
   */
  public static ObjectMapper strict() {
    ObjectMapper mapper =
        configure(new ObjectMapper())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    for (LogicalType type :
        new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    for (CoercionInputShape shape :
        new CoercionInputShape[] {
          CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
      mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
    }
    return mapper;
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
