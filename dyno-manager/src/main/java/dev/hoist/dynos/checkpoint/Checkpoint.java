package dev.hoist.dynos.checkpoint;

import dev.hoist.internal.state.DesiredState;
import dev.hoist.internal.state.DesiredState.Release;
import java.util.List;
import java.util.Map;

/**
 * What the dyno manager runs from when the api is silent, gone or not yet started: the file {@code
 * $home/dynos/checkpoint.json} (docs/dynos.md).
 *
 * @param format the file's format, {@link #FORMAT}
 * @param state the last desired state taken from the api, with the entries of platform apps that a
 *     later state lacked kept in it (pins are not applied here)
 * @param platform per platform app, the releases seen last, newest first: the last three and any
 *     pinned one, each with its slug and config, so that {@code hoistd platform:rollback} has
 *     something to go back to with the api down
 */
public record Checkpoint(int format, DesiredState state, Map<String, List<Release>> platform) {
  public static final int FORMAT = 1;

  public Checkpoint {
    platform = platform == null ? Map.of() : Map.copyOf(platform);
  }

  public Checkpoint(DesiredState state, Map<String, List<Release>> platform) {
    this(FORMAT, state, platform);
  }
}
