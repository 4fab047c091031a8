package dev.hoist.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.api.ApiSettings;
import dev.hoist.api.auth.SignedPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps JSON bodies at {@code hoist.api.max-json-bytes}. A declared length over the cap is refused
 * before anything is read; a chunked body is cut off as soon as it passes the cap. Archive uploads
 * have their own, larger cap and are left alone here.
 */
@Component
@Order(1)
class BodyLimitFilter extends OncePerRequestFilter {
  private final long limit;
  private final ObjectMapper json;

  BodyLimitFilter(ApiSettings settings, ObjectMapper json) {
    this.limit = settings.maxJsonBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (SignedPaths.isSigned(req.getRequestURI())) {
      chain.doFilter(req, res);
      return;
    }
    if (req.getContentLengthLong() > limit) {
      res.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      res.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(
          res.getOutputStream(),
          new ApiError("payload_too_large", "request body is larger than " + limit + " bytes"));
      return;
    }
    chain.doFilter(new Limited(req, limit), res);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest req, long limit) {
      super(req);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream raw = super.getInputStream();
      LimitedInputStream limited = new LimitedInputStream(raw, limit);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return limited.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return limited.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return raw.isFinished();
        }

        @Override
        public boolean isReady() {
          return raw.isReady();
        }

        @Override
        public void setReadListener(ReadListener l) {
          raw.setReadListener(l);
        }
      };
    }
  }
}
