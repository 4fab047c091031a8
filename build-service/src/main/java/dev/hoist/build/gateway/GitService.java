package dev.hoist.build.gateway;

/** The two git services the gateway runs; nothing else is ever executed. */
public enum GitService {
  RECEIVE_PACK("git-receive-pack"),
  UPLOAD_PACK("git-upload-pack");

  private final String command;

  GitService(String command) {
    this.command = command;
  }

  public String command() {
    return command;
  }

  /** The service named {@code git-receive-pack} or {@code git-upload-pack}, or null. */
  public static GitService named(String name) {
    for (GitService s : values()) {
      if (s.command.equals(name)) return s;
    }
    return null;
  }
}
