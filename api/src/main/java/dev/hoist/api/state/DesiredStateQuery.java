package dev.hoist.api.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hoist.api.app.DynoOptions;
import dev.hoist.api.blob.BlobSigner;
import dev.hoist.api.formation.DynoSize;
import dev.hoist.api.slug.Slug;
import dev.hoist.api.state.DesiredState.AppState;
import dev.hoist.api.state.DesiredState.DynoOptionsState;
import dev.hoist.api.state.DesiredState.FormationState;
import dev.hoist.api.state.DesiredState.OneOffState;
import dev.hoist.api.state.DesiredState.ReleaseState;
import dev.hoist.api.state.DesiredState.SlugState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the whole desired state in five statements, whatever the number of apps: the apps, their
 * current releases with slugs, all formation rows, all one-offs (with the release a release phase
 * runs) and all restarts, joined here by app id. The watches answer with it after every change, so
 * its cost must not grow by a statement per app.
 *
 * <p>Call it inside one transaction at {@code REPEATABLE READ}: every statement then sees the same
 * commits, and a revision read in that transaction labels exactly this state.
 */
@Component
class DesiredStateQuery {
  private static final ObjectReader STRINGS =
      new ObjectMapper().readerFor(new TypeReference<TreeMap<String, String>>() {});
  private static final ObjectReader OBJECT =
      new ObjectMapper().readerFor(new TypeReference<Map<String, Object>>() {});

  // Unordered, as the per-app code read them (findAll): the dyno manager walks the apps in this
  // order, so it stays the table's.
  private static final String APPS =
      "select id, name, stack_image, platform, dyno_options from apps";

  // The newest succeeded release of each app; the lateral join reads one row per app through the
  // (app_id, version) index however long its history.
  private static final String CURRENT_RELEASES =
      """
      select a.id as app_id, r.id as release_id, r.version, r.config,
             s.id as slug_id, s.process_types, s.checksum
      from apps a
      cross join lateral (
        select id, version, config, slug_id from releases
        where app_id = a.id and status = 'succeeded'
        order by version desc limit 1) r
      left join slugs s on s.id = r.slug_id""";

  private static final String FORMATIONS =
      "select app_id, type, quantity, size from formations order by app_id, type";

  private static final String ONE_OFFS =
      """
      select o.app_id, o.name, o.command, o.size, o.env, o.attach, o.attach_token,
             o.time_to_live, o.created_at,
             r.id as release_id, r.version, r.config,
             s.id as slug_id, s.process_types, s.checksum
      from one_off_dynos o
      left join releases r on r.app_id = o.app_id and r.version = o.release_version
      left join slugs s on s.id = r.slug_id
      order by o.app_id, o.created_at""";

  private static final String RESTARTS = "select app_id, target, requested_at from dyno_restarts";

  private final JdbcTemplate jdbc;
  private final BlobSigner signer;

  DesiredStateQuery(JdbcTemplate jdbc, BlobSigner signer) {
    this.jdbc = jdbc;
    this.signer = signer;
  }

  /** The state of every app, labelled {@code revision}. */
  DesiredState read(long revision) {
    Map<UUID, String> blobUrls = new HashMap<>(); // one signature per slug and answer
    Map<UUID, ReleaseState> releases = new HashMap<>();
    jdbc.query(
        CURRENT_RELEASES,
        rs -> {
          releases.put(uuid(rs, "app_id"), release(rs, blobUrls));
        });
    Map<UUID, List<FormationRow>> formations = new HashMap<>();
    jdbc.query(
        FORMATIONS,
        rs -> {
          formations
              .computeIfAbsent(uuid(rs, "app_id"), k -> new ArrayList<>())
              .add(
                  new FormationRow(
                      rs.getString("type"),
                      rs.getInt("quantity"),
                      DynoSize.parse(rs.getString("size"))));
        });
    Map<UUID, List<OneOffState>> oneOffs = new HashMap<>();
    jdbc.query(
        ONE_OFFS,
        rs -> {
          oneOffs
              .computeIfAbsent(uuid(rs, "app_id"), k -> new ArrayList<>())
              .add(oneOff(rs, blobUrls));
        });
    Map<UUID, Map<String, Long>> restarts = new HashMap<>();
    jdbc.query(
        RESTARTS,
        rs -> {
          restarts
              .computeIfAbsent(uuid(rs, "app_id"), k -> new HashMap<>())
              .put(rs.getString("target"), rs.getTimestamp("requested_at").getTime());
        });
    List<AppState> apps =
        jdbc.query(
            APPS,
            (rs, n) -> {
              UUID id = uuid(rs, "id");
              ReleaseState release = releases.get(id);
              return new AppState(
                  id,
                  rs.getString("name"),
                  rs.getString("stack_image"),
                  release,
                  formation(formations.getOrDefault(id, List.of()), release),
                  restarts.getOrDefault(id, Map.of()),
                  oneOffs.getOrDefault(id, List.of()),
                  rs.getBoolean("platform"),
                  dynoOptions(rs.getString("dyno_options")));
            });
    return new DesiredState(revision, apps);
  }

  private record FormationRow(String type, int quantity, DynoSize size) {}

  /** Each formation row with the command its type has in the current release's slug, if any. */
  private static List<FormationState> formation(List<FormationRow> rows, ReleaseState release) {
    Map<String, String> types =
        release == null || release.slug() == null ? Map.of() : release.slug().processTypes();
    return rows.stream()
        .map(f -> FormationState.of(f.type(), f.quantity(), f.size(), types.get(f.type())))
        .toList();
  }

  private OneOffState oneOff(ResultSet rs, Map<UUID, String> blobUrls) throws SQLException {
    DynoSize size = DynoSize.parse(rs.getString("size"));
    return new OneOffState(
        rs.getString("name"),
        rs.getString("command"),
        size.label(),
        size.memoryMb(),
        size.pids(),
        json(rs.getString("env"), STRINGS),
        rs.getBoolean("attach"),
        rs.getString("attach_token"),
        rs.getInt("time_to_live"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("release_id") == null ? null : release(rs, blobUrls));
  }

  /** The release and slug columns of a row: release_id, version, config, slug_id, ... */
  private ReleaseState release(ResultSet rs, Map<UUID, String> blobUrls) throws SQLException {
    UUID slugId = rs.getObject("slug_id", UUID.class);
    SlugState slug =
        slugId == null
            ? null
            : new SlugState(
                slugId,
                json(rs.getString("process_types"), STRINGS),
                rs.getString("checksum"),
                blobUrls.computeIfAbsent(slugId, id -> signer.url("GET", Slug.blobKey(id))));
    return new ReleaseState(
        uuid(rs, "release_id"), rs.getInt("version"), slug, json(rs.getString("config"), STRINGS));
  }

  private static DynoOptionsState dynoOptions(String stored) {
    return stored == null
        ? null
        : DynoOptionsState.of(DynoOptions.fromStored(json(stored, OBJECT)));
  }

  private static UUID uuid(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  private static <T> T json(String text, ObjectReader reader) {
    try {
      return reader.readValue(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a jsonb column that is not an object: " + e.getMessage(), e);
    }
  }
}
