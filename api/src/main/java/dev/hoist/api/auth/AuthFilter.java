package dev.hoist.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiSettings;
import dev.hoist.api.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request before it reaches a controller. Three kinds of path: {@code /health}
 * and signed archive URLs need nothing here (the archive controller checks the signature); {@code
 * /internal/**} needs the component token; everything else needs an account's API key. A failure
 * answers 401 with the API's error shape and goes no further.
 */
@Component
@Order(2)
class AuthFilter extends OncePerRequestFilter {
  private final AccountService accounts;
  private final ApiSettings settings;
  private final ObjectMapper json;

  AuthFilter(AccountService accounts, ApiSettings settings, ObjectMapper json) {
    this.accounts = accounts;
    this.settings = settings;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String path = req.getRequestURI();
    if (path.equals("/health") || SignedPaths.isSigned(path)) {
      chain.doFilter(req, res);
      return;
    }
    Optional<String> bearer = bearer(req);
    if (bearer.isEmpty()) {
      refuse(res, "send an API key as 'Authorization: Bearer KEY' (see 'hoist login')");
      return;
    }
    if (path.startsWith("/internal/")) {
      String expected = settings.componentToken();
      if (expected == null || expected.isEmpty() || !Tokens.same(expected, bearer.get())) {
        refuse(res, "this endpoint needs the component token");
        return;
      }
      chain.doFilter(req, res);
      return;
    }
    Optional<Caller> caller = accounts.authenticate(bearer.get());
    if (caller.isEmpty()) {
      refuse(res, "that API key is not valid; log in again with 'hoist login'");
      return;
    }
    req.setAttribute(Caller.ATTRIBUTE, caller.get());
    chain.doFilter(req, res);
  }

  private static Optional<String> bearer(HttpServletRequest req) {
    String header = req.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private void refuse(HttpServletResponse res, String message) throws IOException {
    res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    res.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(res.getOutputStream(), new ApiError("unauthorized", message));
  }
}
