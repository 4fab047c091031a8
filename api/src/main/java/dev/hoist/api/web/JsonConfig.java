package dev.hoist.api.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the API speaks it. Times leave as Heroku writes them: ISO-8601 UTC to the second, {@code
 * 2026-11-21T23:35:40Z}. A number or boolean where text is expected is a wrong type (400), not
 * quietly turned into a string.
 */
@Configuration
class JsonConfig {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer herokuTimes() {
    return builder ->
        builder
            .serializerByType(
                Instant.class,
                new JsonSerializer<Instant>() {
                  @Override
                  public void serialize(
                      Instant value, JsonGenerator gen, SerializerProvider provider)
                      throws IOException {
                    gen.writeString(
                        DateTimeFormatter.ISO_INSTANT.format(
                            value.truncatedTo(ChronoUnit.SECONDS)));
                  }
                })
            .postConfigurer(
                mapper -> {
                  var text = mapper.coercionConfigFor(LogicalType.Textual);
                  text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                  text.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                  text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                });
  }
}
