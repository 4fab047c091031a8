package dev.hoist.api.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Lets {@code %2F} through in paths: SSH key fingerprints are base64 and hold {@code /}, and {@code
 * /account/keys/{fingerprint}} must work for every key, not half of them. Spring decodes the path
 * variable after matching, so the slash never splits the path.
 */
@Configuration
class TomcatConfig implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addConnectorCustomizers(
        c -> c.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }
}
