package dev.hoist.api.build;

import dev.hoist.api.app.App;
import dev.hoist.api.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** An app's buildpacks, in run order. None set means: detect among the shipped ones. */
@Component
class Buildpacks {
  static final int MAX = 10;

  private final JdbcTemplate jdbc;

  Buildpacks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  List<String> of(App app) {
    return jdbc.queryForList(
        "select url from app_buildpacks where app_id = ? order by ordinal", String.class, app.id());
  }

  @Transactional
  List<String> replace(App app, List<String> urls) {
    List<String> checked = check(urls);
    jdbc.update("delete from app_buildpacks where app_id = ?", app.id());
    for (int i = 0; i < checked.size(); i++) {
      jdbc.update(
          "insert into app_buildpacks (app_id, ordinal, url) values (?, ?, ?)",
          app.id(),
          i,
          checked.get(i));
    }
    return checked;
  }

  /** A buildpack is a git or tarball URL (with an optional #ref), or the name of a shipped one. */
  static List<String> check(List<String> urls) {
    if (urls.size() > MAX) throw ApiException.invalid("at most " + MAX + " buildpacks");
    List<String> out = new ArrayList<>();
    for (String url : urls) {
      if (url == null || !url.matches("^(https?://\\S{1,2000}|[a-z0-9][a-z0-9/_.-]{0,100})$")) {
        throw ApiException.invalid(
            "buildpack '" + url + "' must be an http(s) URL or a shipped buildpack's name");
      }
      out.add(url);
    }
    return out;
  }
}
