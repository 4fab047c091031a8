package dev.hoist.cli.buildpacks;

import dev.hoist.cli.AppCommand;
import dev.hoist.cli.CliException;
import dev.hoist.cli.ErrorHandler;
import dev.hoist.cli.api.ApiException;
import dev.hoist.cli.api.ApiPaths;
import dev.hoist.cli.api.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code buildpacks:set}, {@code buildpacks:add}, {@code buildpacks:remove}, {@code buildpacks:clear}.
 * Each reads the current list, computes the new one here and PUTs it whole, so a bad index or a
 * duplicate is refused before any change is sent. Messages are the Heroku CLI's.
 */
public final class BuildpacksChangeCommands {

    static final String URL_HELP = "A buildpack URL (http(s), optionally #ref) or a shipped one's name.";

    private BuildpacksChangeCommands() {
    }

    /** Base of the commands that change the list. */
    abstract static class Change extends AppCommand {

        /**
         * Checks the arguments, reads the list, lets {@link #change} compute the new one, PUTs it and
         * prints the outcome.
         */
        @Override
        protected final int run() {
            validate();
            String app = app();
            String path = ApiPaths.of("apps", app, "buildpack-installations");
            List<String> next = change(new ArrayList<>(BuildpacksCommands.urls(api().get(path))));
            List<Map<String, String>> updates = next.stream().map(url -> Map.of("buildpack", url)).toList();
            List<String> now = BuildpacksCommands.urls(api().put(path, Map.of("updates", updates)));
            printUpdate(out(), app, now);
            return 0;
        }

        /** Refuses bad arguments before anything is read or sent. */
        void validate() {
        }

        /** The new list from the current one (which it may modify); throws to refuse, sending nothing. */
        abstract List<String> change(List<String> current);

        /** What was done, as the outcome's first words: {@code Buildpack added}. */
        abstract String done();

        private void printUpdate(PrintWriter out, String app, List<String> now) {
            String push = "git push " + remoteName() + " main";
            if (now.isEmpty() && buildpackUrlConfigured(app)) {
                out.println(done() + ".");
                err().println(ErrorHandler.BANG + "The BUILDPACK_URL config var is still set and will be used for the"
                        + " next release");
            } else if (now.isEmpty()) {
                out.println(done() + ". Next release on " + app + " will detect buildpacks normally.");
            } else if (now.size() == 1) {
                out.println(done() + ". Next release on " + app + " will use " + now.get(0) + ".");
                out.println("Run " + push + " to create a new release using this buildpack.");
            } else {
                out.println(done() + ". Next release on " + app + " will use:");
                for (int i = 0; i < now.size(); i++) {
                    out.println("  " + (i + 1) + ". " + now.get(i));
                }
                out.println("Run " + push + " to create a new release using these buildpacks.");
            }
        }

        /**
         * With no buildpack set, a build uses the BUILDPACK_URL config var when there is one, as on Heroku.
         * The list has changed by now, so a config that cannot be read only costs the warning.
         */
        private boolean buildpackUrlConfigured(String app) {
            try {
                return !Json.text(api().get(ApiPaths.of("apps", app, "config-vars")), "BUILDPACK_URL").isBlank();
            } catch (ApiException e) {
                return false;
            }
        }

        /** An index given on the command line must be 1 or more before anything is read. */
        void checkIndexSign(Integer index) {
            if (index != null && index < 1) {
                throw usage("invalid index " + index + ": indexes start at 1");
            }
        }

        /** {@code index} (1-based) must lie in 1..max for a list of {@code size}. */
        void checkIndexRange(int index, int size, int max) {
            if (index > max) {
                throw usage("invalid index " + index + ": " + app() + " has " + size + " buildpack"
                        + (size == 1 ? "" : "s") + ", choose " + (max == 1 ? "1" : "1 to " + max));
            }
        }

        void refuseDuplicate(List<String> current, String url) {
            if (current.contains(url)) {
                throw new CliException("the buildpack " + url + " is already set on " + app());
            }
        }
    }

    @Command(name = "buildpacks:set", description = "Set the app's buildpack (replacing the list), or replace the"
            + " one at --index.")
    public static final class Set extends Change {

        @Parameters(paramLabel = "URL", description = URL_HELP)
        String url;

        @Option(names = {"-i", "--index"}, paramLabel = "INDEX",
                description = "The 1-based position to replace; one past the end appends.")
        Integer index;

        @Override
        List<String> change(List<String> current) {
            if (index == null) {
                // Replacing the list with itself would change nothing: refused, as a duplicate is.
                if (current.equals(List.of(url))) {
                    refuseDuplicate(current, url);
                }
                return List.of(url);
            }
            checkIndexRange(index, current.size(), current.size() + 1);
            refuseDuplicate(current, url);
            if (index == current.size() + 1) {
                current.add(url);
            } else {
                current.set(index - 1, url);
            }
            return current;
        }

        @Override
        String done() {
            return "Buildpack set";
        }

        @Override
        void validate() {
            checkIndexSign(index);
        }
    }

    @Command(name = "buildpacks:add", description = "Add a buildpack to the end of the list, or insert it at --index.")
    public static final class Add extends Change {

        @Parameters(paramLabel = "URL", description = URL_HELP)
        String url;

        @Option(names = {"-i", "--index"}, paramLabel = "INDEX",
                description = "The 1-based position to insert at (default: the end).")
        Integer index;

        @Override
        List<String> change(List<String> current) {
            if (index != null) {
                checkIndexRange(index, current.size(), current.size() + 1);
            }
            refuseDuplicate(current, url);
            current.add(index == null ? current.size() : index - 1, url);
            return current;
        }

        @Override
        String done() {
            return "Buildpack added";
        }

        @Override
        void validate() {
            checkIndexSign(index);
        }
    }

    @Command(name = "buildpacks:remove", description = "Remove a buildpack, named by its URL or by --index.")
    public static final class Remove extends Change {

        @Parameters(paramLabel = "URL", arity = "0..1", description = "The buildpack to remove.")
        String url;

        @Option(names = {"-i", "--index"}, paramLabel = "INDEX", description = "The 1-based position to remove.")
        Integer index;

        @Override
        List<String> change(List<String> current) {
            if (current.isEmpty()) {
                throw new CliException(app() + " has no buildpack set: nothing to remove");
            }
            if (index != null) {
                checkIndexRange(index, current.size(), current.size());
                current.remove(index - 1);
                return current;
            }
            if (!current.remove(url)) {
                throw new CliException("the buildpack " + url + " is not set on " + app() + ": nothing was removed");
            }
            return current;
        }

        @Override
        String done() {
            return "Buildpack removed";
        }

        @Override
        void validate() {
            if (url != null && index != null) {
                throw usage("give either a URL or --index, not both");
            }
            if (url == null && index == null) {
                throw usage("name the buildpack to remove by its URL or by --index");
            }
            checkIndexSign(index);
        }
    }

    @Command(name = "buildpacks:clear", description = "Remove every buildpack: builds detect the shipped ones again.")
    public static final class Clear extends Change {

        @Override
        List<String> change(List<String> current) {
            return List.of();
        }

        @Override
        String done() {
            return "Buildpacks cleared";
        }
    }
}
