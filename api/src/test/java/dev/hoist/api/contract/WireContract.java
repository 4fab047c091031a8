package dev.hoist.api.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.internal.WireJson;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

/**
 * Holds an internal-api record to the JSON the real api wrote. Two strengths:
 *
 * <ul>
 *   <li>{@link #covers}: every field of the record, at every depth, is in the api's answer with the
 *       same JSON type (number, flag, text or null; no null for a primitive), and reads as the
 *       record's type. A field renamed or retyped on either side fails here, where it would
 *       otherwise read as a silent null (the wire ignores unknown fields). Used for answers in the
 *       public API's shape, of which a component reads only a part.
 *   <li>{@link #matches}: that, and the api sends no field the record lacks. Used for the documents
 *       that exist only for components (desired state, routes, a claimed job), so the record is the
 *       whole document and docs/internal-api.md can describe one shape.
 * </ul>
 */
final class WireContract {
  private WireContract() {}

  static <T> T covers(JsonNode api, Class<T> type) {
    return check(api, type, false);
  }

  static <T> T matches(JsonNode api, Class<T> type) {
    return check(api, type, true);
  }

  private static <T> T check(JsonNode api, Class<T> type, boolean exact) {
    T record;
    try {
      ObjectMapper mapper = WireJson.strict();
      if (!exact) mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      record = mapper.treeToValue(api, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          type.getSimpleName() + " cannot read the api's JSON: " + e.getOriginalMessage(), e);
    }
    compare(type.getSimpleName(), api, WireJson.MAPPER.valueToTree(record), exact);
    return record;
  }

  private static void compare(String path, JsonNode api, JsonNode record, boolean exact) {
    if (record.isObject()) {
      if (!api.isObject()) {
        fail(path + " is an object in the record but " + api.getNodeType() + " from the api");
      }
      TreeSet<String> missing = names(record);
      missing.removeAll(names(api));
      assertThat(missing).as("fields of %s that the api does not send", path).isEmpty();
      if (exact) {
        TreeSet<String> extra = names(api);
        extra.removeAll(names(record));
        assertThat(extra).as("fields the api sends in %s that the record lacks", path).isEmpty();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        compare(path + "." + field.getKey(), api.get(field.getKey()), field.getValue(), exact);
      }
    } else if (record.isArray()) {
      if (!api.isArray()) fail(path + " is a list in the record but " + api.getNodeType());
      for (int i = 0; i < Math.min(record.size(), api.size()); i++) {
        compare(path + "[" + i + "]", api.get(i), record.get(i), exact);
      }
    } else if (!record.isNull() && !api.isNull()) {
      // What the record read back must be what the api wrote: a number, a flag or text alike.
      assertThat(api.getNodeType()).as("the JSON type of %s", path).isEqualTo(record.getNodeType());
    } else {
      assertThat(api.isNull()).as("%s is null on one side only", path).isEqualTo(record.isNull());
    }
  }

  private static TreeSet<String> names(JsonNode node) {
    TreeSet<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
