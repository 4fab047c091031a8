package dev.hoist.cli;

import dev.hoist.cli.access.AccessCommands;
import dev.hoist.cli.accounts.AccountsCommands;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.apps.AppsCommands;
import dev.hoist.cli.apps.AppsCreateCommand;
import dev.hoist.cli.apps.AppsDestroyCommand;
import dev.hoist.cli.apps.AppsRenameCommand;
import dev.hoist.cli.apps.GitRemoteCommand;
import dev.hoist.cli.auth.AuthCommands;
import dev.hoist.cli.auth.LoginCommand;
import dev.hoist.cli.buildpacks.BuildpacksChangeCommands;
import dev.hoist.cli.buildpacks.BuildpacksCommands;
import dev.hoist.cli.builds.BuildsCommands;
import dev.hoist.cli.builds.BuildsCreateCommand;
import dev.hoist.cli.config.ConfigChangeCommands;
import dev.hoist.cli.config.ConfigCommands;
import dev.hoist.cli.io.CredentialsFile;
import dev.hoist.cli.io.Environment;
import dev.hoist.cli.io.Settings;
import dev.hoist.cli.keys.KeysCommands;
import dev.hoist.cli.logs.LogsCommand;
import dev.hoist.cli.maintenance.MaintenanceCommands;
import dev.hoist.cli.ps.PsActionCommands;
import dev.hoist.cli.ps.PsCommand;
import dev.hoist.cli.ps.PsScaleCommand;
import dev.hoist.cli.ps.PsTypeCommand;
import dev.hoist.cli.releases.ReleasesCommands;
import dev.hoist.cli.releases.RollbackCommand;
import dev.hoist.cli.run.RunCommands;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code hoist} command. Holds what every subcommand shares: the {@link Environment}, the
 * settings after precedence, and one {@link ApiClient} made on first use (so commands that never
 * call the API never pay for an HTTP client).
 */
@Command(name = "hoist",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Manage apps on a Hoist platform: create them, build, set config, release, roll back, scale,"
                + " run one-off commands, read logs.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'hoist help COMMAND' for a command's options. Exit codes: 0 ok, 1 refused or"
                + " bad usage, 2 API unreachable, 70 internal error."},
        subcommands = {
            HelpCommand.class,
            VersionCommand.class,
            LoginCommand.class, AuthCommands.Logout.class, AuthCommands.Whoami.class, AuthCommands.Token.class,
            AppsCommands.Index.class, AppsCreateCommand.class, AppsCommands.Info.class,
            AppsRenameCommand.class, AppsDestroyCommand.class, GitRemoteCommand.class,
            MaintenanceCommands.Status.class, MaintenanceCommands.On.class, MaintenanceCommands.Off.class,
            ConfigCommands.Index.class, ConfigCommands.Get.class, ConfigChangeCommands.Set.class,
            ConfigChangeCommands.Unset.class,
            ReleasesCommands.Index.class, ReleasesCommands.Info.class, RollbackCommand.class,
            BuildsCommands.Index.class, BuildsCommands.Info.class, BuildsCommands.BuildOutput.class,
            BuildsCreateCommand.class, BuildsCommands.CachePurge.class,
            BuildpacksCommands.Index.class, BuildpacksChangeCommands.Set.class, BuildpacksChangeCommands.Add.class,
            BuildpacksChangeCommands.Remove.class, BuildpacksChangeCommands.Clear.class,
            PsCommand.class, PsScaleCommand.class, PsTypeCommand.class, PsActionCommands.Restart.class,
            PsActionCommands.Stop.class, RunCommands.Attached.class, RunCommands.Detached.class, LogsCommand.class,
            AccessCommands.Index.class, AccessCommands.Add.class, AccessCommands.Remove.class,
            KeysCommands.Index.class, KeysCommands.Add.class, KeysCommands.Remove.class,
            AccountsCommands.Index.class, AccountsCommands.Add.class,
        })
public final class Hoist implements Callable<Integer> {

    private final Environment env;
    private Settings settings;
    private ApiClient api;

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces on errors.")
    boolean debug;

    public Hoist(Environment env) {
        this.env = env;
    }

    public Environment env() {
        return env;
    }

    public boolean debug() {
        return debug;
    }

    public CredentialsFile credentialsFile() {
        return CredentialsFile.in(env);
    }

    public synchronized Settings settings() {
        if (settings == null) {
            settings = Settings.resolve(env, credentialsFile().read());
        }
        return settings;
    }

    public synchronized ApiClient api() {
        if (api == null) {
            api = new ApiClient(settings());
        }
        return api;
    }

    /** Plain {@code hoist}: the usage, like {@code heroku} with no command. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
