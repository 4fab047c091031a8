package dev.hoist.cli;

import dev.hoist.cli.access.AccessAddCommand;
import dev.hoist.cli.access.AccessCommand;
import dev.hoist.cli.access.AccessRemoveCommand;
import dev.hoist.cli.accounts.AccountsAddCommand;
import dev.hoist.cli.accounts.AccountsCommand;
import dev.hoist.cli.api.ApiClient;
import dev.hoist.cli.apps.AppsCommand;
import dev.hoist.cli.apps.AppsCreateCommand;
import dev.hoist.cli.apps.AppsDestroyCommand;
import dev.hoist.cli.apps.AppsInfoCommand;
import dev.hoist.cli.apps.AppsRenameCommand;
import dev.hoist.cli.apps.GitRemoteCommand;
import dev.hoist.cli.auth.AuthTokenCommand;
import dev.hoist.cli.auth.AuthWhoamiCommand;
import dev.hoist.cli.auth.LoginCommand;
import dev.hoist.cli.auth.LogoutCommand;
import dev.hoist.cli.buildpacks.BuildpacksAddCommand;
import dev.hoist.cli.buildpacks.BuildpacksClearCommand;
import dev.hoist.cli.buildpacks.BuildpacksCommand;
import dev.hoist.cli.buildpacks.BuildpacksRemoveCommand;
import dev.hoist.cli.buildpacks.BuildpacksSetCommand;
import dev.hoist.cli.builds.BuildsCachePurgeCommand;
import dev.hoist.cli.builds.BuildsCommand;
import dev.hoist.cli.builds.BuildsCreateCommand;
import dev.hoist.cli.builds.BuildsInfoCommand;
import dev.hoist.cli.builds.BuildsOutputCommand;
import dev.hoist.cli.config.ConfigCommand;
import dev.hoist.cli.config.ConfigGetCommand;
import dev.hoist.cli.config.ConfigSetCommand;
import dev.hoist.cli.config.ConfigUnsetCommand;
import dev.hoist.cli.domains.DomainsAddCommand;
import dev.hoist.cli.domains.DomainsClearCommand;
import dev.hoist.cli.domains.DomainsCommand;
import dev.hoist.cli.domains.DomainsInfoCommand;
import dev.hoist.cli.domains.DomainsRemoveCommand;
import dev.hoist.cli.domains.DomainsWaitCommand;
import dev.hoist.cli.io.CredentialsFile;
import dev.hoist.cli.io.Environment;
import dev.hoist.cli.io.Settings;
import dev.hoist.cli.keys.KeysAddCommand;
import dev.hoist.cli.keys.KeysCommand;
import dev.hoist.cli.keys.KeysRemoveCommand;
import dev.hoist.cli.logs.LogsCommand;
import dev.hoist.cli.maintenance.MaintenanceCommand;
import dev.hoist.cli.maintenance.MaintenanceOffCommand;
import dev.hoist.cli.maintenance.MaintenanceOnCommand;
import dev.hoist.cli.platform.PlatformCommand;
import dev.hoist.cli.ps.PsCommand;
import dev.hoist.cli.ps.PsRestartCommand;
import dev.hoist.cli.ps.PsScaleCommand;
import dev.hoist.cli.ps.PsStopCommand;
import dev.hoist.cli.ps.PsTypeCommand;
import dev.hoist.cli.releases.ReleasesCommand;
import dev.hoist.cli.releases.ReleasesInfoCommand;
import dev.hoist.cli.releases.RollbackCommand;
import dev.hoist.cli.run.RunCommand;
import dev.hoist.cli.run.RunDetachedCommand;
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
@Command(
    name = "hoist",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description =
        "Manage apps on a Hoist platform: create them, build, set config, release, roll back, scale,"
            + " run one-off commands, read logs.",
    commandListHeading = "%nCommands:%n",
    footer = {
      "",
      "Run 'hoist help COMMAND' for a command's options. Exit codes: 0 ok, 1 refused or"
          + " bad usage, 2 API unreachable, 70 internal error."
    },
    subcommands = {
      HelpCommand.class,
      VersionCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      AuthWhoamiCommand.class,
      AuthTokenCommand.class,
      AppsCommand.class,
      AppsCreateCommand.class,
      AppsInfoCommand.class,
      AppsRenameCommand.class,
      AppsDestroyCommand.class,
      GitRemoteCommand.class,
      MaintenanceCommand.class,
      MaintenanceOnCommand.class,
      MaintenanceOffCommand.class,
      DomainsCommand.class,
      DomainsAddCommand.class,
      DomainsInfoCommand.class,
      DomainsRemoveCommand.class,
      DomainsClearCommand.class,
      DomainsWaitCommand.class,
      ConfigCommand.class,
      ConfigGetCommand.class,
      ConfigSetCommand.class,
      ConfigUnsetCommand.class,
      ReleasesCommand.class,
      ReleasesInfoCommand.class,
      RollbackCommand.class,
      BuildsCommand.class,
      BuildsInfoCommand.class,
      BuildsOutputCommand.class,
      BuildsCreateCommand.class,
      BuildsCachePurgeCommand.class,
      BuildpacksCommand.class,
      BuildpacksSetCommand.class,
      BuildpacksAddCommand.class,
      BuildpacksRemoveCommand.class,
      BuildpacksClearCommand.class,
      PsCommand.class,
      PsScaleCommand.class,
      PsTypeCommand.class,
      PsRestartCommand.class,
      PsStopCommand.class,
      RunCommand.class,
      RunDetachedCommand.class,
      LogsCommand.class,
      AccessCommand.class,
      AccessAddCommand.class,
      AccessRemoveCommand.class,
      KeysCommand.class,
      KeysAddCommand.class,
      KeysRemoveCommand.class,
      AccountsCommand.class,
      AccountsAddCommand.class,
      PlatformCommand.class,
    })
final class Hoist implements Callable<Integer> {

  private final Environment env;
  private Settings settings;
  private ApiClient api;

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces on errors.")
  boolean debug;

  Hoist(Environment env) {
    this.env = env;
  }

  Environment env() {
    return env;
  }

  boolean debug() {
    return debug;
  }

  CredentialsFile credentialsFile() {
    return CredentialsFile.in(env);
  }

  synchronized Settings settings() {
    if (settings == null) {
      settings = Settings.resolve(env, credentialsFile().read());
    }
    return settings;
  }

  synchronized ApiClient api() {
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
