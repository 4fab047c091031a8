package dev.hoist.cli.builds;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hoist.cli.CliException;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.ApiUnreachableException;
import dev.hoist.cli.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reading builds: the list, one build by id or by the id's first characters (as {@code hoist builds}
 * shows them), and following a build's output.
 */
final class Builds {

    static final Pattern UUID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private Builds() {
    }

    /** Every build of the app, oldest first, as the API lists them. */
    static List<JsonNode> oldestFirst(ApiClient api, String app) {
        List<JsonNode> builds = new ArrayList<>();
        api.get(ApiPaths.of("apps", app, "builds")).forEach(builds::add);
        return builds;
    }

    /**
     * The build named by {@code id}: a full id is read directly, a shorter one is looked up among the
     * app's builds and must start exactly one id. Without an id, the newest build.
     */
    static JsonNode find(ApiClient api, String app, String id) {
        if (id != null && UUID.matcher(id).matches()) {
            return api.get(ApiPaths.of("apps", app, "builds", id));
        }
        List<JsonNode> builds = oldestFirst(api, app);
        if (id == null) {
            if (builds.isEmpty()) {
                throw new CliException(app + " has no builds");
            }
            return builds.get(builds.size() - 1);
        }
        String prefix = id.toLowerCase(Locale.ROOT);
        List<JsonNode> matches = builds.stream()
                .filter(b -> Json.text(b, "id").toLowerCase(Locale.ROOT).startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new CliException("no build of " + app + " has an id starting with " + id + ": see 'hoist builds -a "
                    + app + "'");
        }
        if (matches.size() > 1) {
            throw new CliException(matches.size() + " builds of " + app + " have an id starting with " + id
                    + ": give more of the id");
        }
        return matches.get(0);
    }

    /** Pending and building builds may still write output; succeeded and failed ones are done. */
    static boolean finished(JsonNode build) {
        String status = Json.text(build, "status");
        return status.equals("succeeded") || status.equals("failed");
    }

    static String shortId(JsonNode build) {
        return first(Json.text(build, "id"), 8);
    }

    static String shortVersion(JsonNode build) {
        return first(Json.text(build, "source_blob.version"), 7);
    }

    private static String first(String text, int n) {
        return text.length() > n ? text.substring(0, n) : text;
    }

    /**
     * Copies the build's {@code output_stream_url} to {@code out} until the API ends it, which for a
     * running build is when the build ends. The URL is signed: no API key goes with it.
     */
    static void followOutput(ApiClient api, JsonNode build, OutputStream out) {
        String url = Json.text(build, "output_stream_url", null);
        if (url == null) {
            throw new CliException("the API shows build " + shortId(build) + " without an output_stream_url");
        }
        try (InputStream output = api.openSigned(url, !finished(build))) {
            copy(output, out);
        } catch (IOException e) {
            throw new ApiUnreachableException(api.apiUrl(), "the build output broke off ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
        }
    }

    /**
     * Copies {@code in} to {@code out}, flushing every chunk as it arrives: a builder's progress often
     * sits on an unfinished line ({@code Installing... }) for a while. Stops early when {@code out} is a
     * {@link PrintStream} that can no longer be written (the reader of a pipe went away).
     */
    static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            out.flush();
            if (out instanceof PrintStream stream && stream.checkError()) {
                return;
            }
        }
    }
}
