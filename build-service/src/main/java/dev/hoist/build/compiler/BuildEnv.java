package dev.hoist.build.compiler;

import dev.hoist.internal.builds.BuildRecords.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two environments of a build. The app's config vars go only to ENV_DIR, one file each, as the
 * buildpack API says; the driver's process environment is built from nothing: paths into the
 * scratch folder, the stack, the commit, and the proxy settings the machine needs. Nothing of the
 * compiler's own environment (the component token, above all) reaches the build.
 */
final class BuildEnv {
  private static final Pattern CONFIG_KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  private static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  /**
   * Taken from the compiler's environment when set: without them nothing downloads behind a proxy.
   */
  static final List<String> PASSED_THROUGH =
      List.of(
          "http_proxy",
          "https_proxy",
          "no_proxy",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "NO_PROXY",
          "JAVA_HOME");

  private BuildEnv() {}

  /** ENV_DIR: a file per config var, the value written raw so multi-line values survive. */
  static void writeConfig(Map<String, String> config, Path envDir) throws IOException {
    if (config == null) return;
    for (Map.Entry<String, String> var : config.entrySet()) {
      if (!CONFIG_KEY.matcher(var.getKey()).matches() || var.getValue() == null) continue;
      Files.writeString(envDir.resolve(var.getKey()), var.getValue(), StandardCharsets.UTF_8);
    }
  }

  static Map<String, String> forDriver(
      Job job, Scratch scratch, Path slug, Path types, long sourceEpoch) {
    Map<String, String> env = new HashMap<>();
    String path = System.getenv("PATH");
    env.put("PATH", path == null || path.isBlank() ? DEFAULT_PATH : path);
    env.put("HOME", scratch.home.toString());
    env.put("TMPDIR", scratch.tmp.toString());
    env.put("LANG", "C.UTF-8");
    env.put("STACK", job.stack() == null ? "heroku-24-hoist" : job.stack());
    if (job.version() != null) env.put("SOURCE_VERSION", job.version());
    // Built inside the scratch folder (watched for size, deleted after), never in a shared /app.
    env.put("HOIST_BUILD_DIR", scratch.build.toString());
    env.put("SLUG_OUT", slug.toString());
    env.put("PROCESS_TYPES_OUT", types.toString());
    // The commit's time clamps every slug entry's time: the same commit gives the same slug bytes.
    if (sourceEpoch > 0) env.put("SOURCE_DATE_EPOCH", Long.toString(sourceEpoch));
    for (String name : PASSED_THROUGH) {
      String value = System.getenv(name);
      if (value != null && !value.isEmpty()) env.put(name, value);
    }
    return env;
  }
}
