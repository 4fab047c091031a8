package dev.hoist.build.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Commits written straight into a repository (in memory, usually), no working tree: paths with '/'
 * make folders; a path ending in {@code *} is executable, one ending in {@code @} is a symbolic
 * link whose content is its target.
 */
public final class Commits {
  private Commits() {}

  public static ObjectId commit(
      Repository repo, Map<String, String> files, String message, ObjectId parent)
      throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId tree = tree(ins, files);
      CommitBuilder c = new CommitBuilder();
      c.setTreeId(tree);
      PersonIdent who = new PersonIdent("Test", "test@example.com", 1_700_000_000_000L, 0);
      c.setAuthor(who);
      c.setCommitter(who);
      c.setMessage(message);
      if (parent != null) c.setParentId(parent);
      ObjectId id = ins.insert(c);
      ins.flush();
      return id;
    }
  }

  private static ObjectId tree(ObjectInserter ins, Map<String, String> files) throws IOException {
    // Git sorts tree entries by name, folders as if their name ended in '/'.
    TreeMap<String, Object> entries = new TreeMap<>();
    Map<String, Map<String, String>> folders = new TreeMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      int slash = f.getKey().indexOf('/');
      if (slash < 0) {
        entries.put(f.getKey().replaceAll("[*@]$", ""), f);
      } else {
        folders
            .computeIfAbsent(f.getKey().substring(0, slash), k -> new TreeMap<>())
            .put(f.getKey().substring(slash + 1), f.getValue());
      }
    }
    for (Map.Entry<String, Map<String, String>> d : folders.entrySet())
      entries.put(d.getKey() + "/", d.getValue());
    TreeFormatter tree = new TreeFormatter();
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      if (e.getKey().endsWith("/")) {
        @SuppressWarnings("unchecked")
        Map<String, String> sub = (Map<String, String>) e.getValue();
        tree.append(
            e.getKey().substring(0, e.getKey().length() - 1), FileMode.TREE, tree(ins, sub));
      } else {
        @SuppressWarnings("unchecked")
        Map.Entry<String, String> f = (Map.Entry<String, String>) e.getValue();
        FileMode mode =
            f.getKey().endsWith("*")
                ? FileMode.EXECUTABLE_FILE
                : f.getKey().endsWith("@") ? FileMode.SYMLINK : FileMode.REGULAR_FILE;
        ObjectId blob =
            ins.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8));
        tree.append(e.getKey(), mode, blob);
      }
    }
    return ins.insert(tree);
  }
}
