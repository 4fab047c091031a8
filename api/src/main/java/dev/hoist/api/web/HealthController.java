package dev.hoist.api.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: answers once the api can serve; no auth, for launchers and load balancers.
 */
@RestController
class HealthController {
  @GetMapping("/health")
  Map<String, String> health() {
    return Map.of("status", "up");
  }
}
