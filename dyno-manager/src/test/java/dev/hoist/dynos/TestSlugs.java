package dev.hoist.dynos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Slugs for tests: gzip tars of {@code ./app/...} owned by root, as a careless slug compiler would
 * make them.
 */
final class TestSlugs {
  /**
   * A web app on node's http module: answers {@code DYNO TAG} (TAG from config), {@code /facts}
   * with what the dyno contract promises, and shuts down gracefully on SIGTERM (logging it).
   */
  static final String WEB_JS =
      """
      const http = require('http'), fs = require('fs');
      const status = fs.readFileSync('/proc/self/status', 'utf8');
      const field = (n) => (status.match(new RegExp('^' + n + ':\\\\s*(\\\\S+)', 'm')) || [])[1];
      const read = (f) => { try { return fs.readFileSync(f, 'utf8').trim(); } catch (e) { return null; } };
      const server = http.createServer((req, res) => {
        if (req.url === '/facts') {
          res.end(JSON.stringify({ uid: process.getuid(), gid: process.getgid(), capEff: field('CapEff'),
            noNewPrivs: field('NoNewPrivs'), dockerSock: fs.existsSync('/var/run/docker.sock'),
            home: process.env.HOME, cwd: process.cwd(), dyno: process.env.DYNO, port: process.env.PORT,
            profile: process.env.FROM_PROFILE || null, owner: fs.statSync('/app/web.js').uid,
            memory: read('/sys/fs/cgroup/memory/memory.limit_in_bytes') || read('/sys/fs/cgroup/memory.max'),
            pids: read('/sys/fs/cgroup/pids/pids.max') || read('/sys/fs/cgroup/pids.max') }));
          return;
        }
        res.end(process.env.DYNO + ' ' + (process.env.TAG || '') + '\\n');
      });
      server.listen(process.env.PORT, () => console.log('listening on ' + process.env.PORT));
      process.on('SIGTERM', () => {
        console.log('got SIGTERM');
        server.close(() => process.exit(0));
      });
      """;

  static final String PROFILE = "export FROM_PROFILE=sourced-$DYNO\n";

  private TestSlugs() {}

  static byte[] web() {
    return tarGz(Map.of("web.js", WEB_JS, ".profile.d/test.sh", PROFILE));
  }

  static byte[] tarGz(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      TarArchiveEntry dir = new TarArchiveEntry("./app/");
      dir.setMode(040755);
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      Set<String> dirs = new TreeSet<>();
      files
          .keySet()
          .forEach(
              f -> {
                for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1))
                  dirs.add(f.substring(0, i));
              });
      for (String d : dirs) {
        TarArchiveEntry e = new TarArchiveEntry("./app/" + d + "/");
        e.setMode(040755);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
      }
      for (var f : files.entrySet()) {
        byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry("./app/" + f.getKey());
        e.setSize(content.length);
        e.setMode(0100644);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static String checksum(byte[] slug) {
    try {
      return "SHA256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(slug));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
