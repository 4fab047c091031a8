package dev.hoist.build.gateway.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.hoist.build.ErrorRef;
import dev.hoist.build.gateway.Access;
import dev.hoist.build.gateway.GitRequest;
import dev.hoist.build.gateway.GitService;
import dev.hoist.build.gateway.GitSessions;
import dev.hoist.build.gateway.UserError;
import dev.hoist.internal.builds.BuildRecords.Account;
import dev.hoist.internal.builds.BuildRecords.AppRef;
import dev.hoist.internal.builds.GatewayApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * git's smart HTTP protocol, stateless: {@code GET /APP.git/info/refs?service=git-receive-pack}
 * (the advertisement) then {@code POST /APP.git/git-receive-pack} (commands and pack in, report
 * out), the same for upload-pack. Same checks in the same order as SSH: path, credentials, access.
 * The dumb protocol and every other path get 404 or 403; a missing or bad API key gets 401.
 */
final class SmartHttpHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(SmartHttpHandler.class);
  private static final Pattern PATH =
      Pattern.compile("^/([^/]{1,64})\\.git/(info/refs|git-receive-pack|git-upload-pack)$");
  private static final Pattern SERVICE_QUERY =
      Pattern.compile("^service=(git-receive-pack|git-upload-pack)$");

  private final GatewayApi api;
  private final Access access;
  private final GitSessions sessions;

  SmartHttpHandler(GatewayApi api, GitSessions sessions) {
    this.api = api;
    this.access = new Access(api);
    this.sessions = sessions;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try {
      serve(ex);
    } catch (UserError e) {
      log.info(
          "refused {} {}: {}",
          ex.getRequestMethod(),
          ex.getRequestURI().getRawPath(),
          e.getMessage());
      respond(ex, 404, "fatal: " + e.getMessage());
    } catch (Throwable e) {
      String ref = ErrorRef.next();
      log.error(
          "internal error serving {} {} (ref {})",
          ex.getRequestMethod(),
          ex.getRequestURI().getRawPath(),
          ref,
          e);
      respond(ex, 500, "fatal: internal error (ref " + ref + ")");
    } finally {
      ex.close();
    }
  }

  private void serve(HttpExchange ex) throws Exception {
    Matcher m = PATH.matcher(ex.getRequestURI().getRawPath());
    if (!m.matches()) throw new UserError("not a Hoist repository; use /APP.git");
    String app = GitRequest.checkName(m.group(1), m.group(1) + ".git");
    boolean advertise = m.group(2).equals("info/refs");
    GitService service =
        advertise ? serviceOf(ex.getRequestURI().getRawQuery()) : GitService.named(m.group(2));
    if (service == null) {
      respond(ex, 403, "fatal: Hoist speaks git's smart HTTP protocol only; update git");
      return;
    }
    if (!ex.getRequestMethod().equals(advertise ? "GET" : "POST")) {
      respond(ex, 405, "fatal: method not allowed");
      return;
    }
    Optional<Account> who = authenticate(ex);
    if (who.isEmpty()) return;
    AppRef ref = access.authorize(who.get(), app);
    String type = "application/x-" + service.command();
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    if (advertise) {
      ex.getResponseHeaders().set("Content-Type", type + "-advertisement");
      ex.sendResponseHeaders(200, 0);
      sessions.advertise(service, ref, who.get(), ex.getResponseBody());
    } else {
      if (!(type + "-request").equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
        respond(ex, 415, "fatal: expected " + type + "-request");
        return;
      }
      ex.getResponseHeaders().set("Content-Type", type + "-result");
      ex.sendResponseHeaders(200, 0);
      // Chunked: every flush of the side band (a build's output line) reaches the client at once.
      try (OutputStream out = ex.getResponseBody()) {
        sessions.serveStateless(service, ref, who.get(), body(ex), out);
      }
    }
  }

  /**
   * The account of the API key in the basic-auth password; else a 401 is sent and empty returned.
   */
  private Optional<Account> authenticate(HttpExchange ex) throws IOException {
    Optional<String> key = BasicAuth.apiKey(ex.getRequestHeaders().getFirst("Authorization"));
    Optional<Account> who = key.isEmpty() ? Optional.empty() : api.accountForApiKey(key.get());
    if (who.isEmpty()) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"Hoist\"");
      respond(
          ex,
          401,
          key.isEmpty()
              ? "denied: use your API key as the password ('hoist auth:token')"
              : "denied: that API key is not valid");
    }
    return who;
  }

  private static GitService serviceOf(String query) {
    Matcher m = SERVICE_QUERY.matcher(query == null ? "" : query);
    return m.matches() ? GitService.named(m.group(1)) : null;
  }

  /** git gzips large fetch requests. */
  private static InputStream body(HttpExchange ex) throws IOException {
    String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
    boolean gzip = encoding != null && (encoding.equals("gzip") || encoding.equals("x-gzip"));
    return gzip ? new GZIPInputStream(ex.getRequestBody()) : ex.getRequestBody();
  }

  /** A plain-text answer, unless the response already began (then there is nothing more to say). */
  private static void respond(HttpExchange ex, int status, String text) throws IOException {
    if (ex.getResponseCode() != -1) return;
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }
}
