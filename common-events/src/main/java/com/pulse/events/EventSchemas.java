package com.pulse.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks events against the JSON Schemas shipped in this module: the envelope ({@code schemas/cloudevent.v1.json})
 * and the payload schema its {@code dataschema} names; and that every channel of its {@code audience} is one the
 * {@link ChannelCatalog} declares.
 *
 * <p>Schema ids are URNs ({@code urn:pulse:schema:ocs.order.created:v1}) resolved from the classpath, so nothing is
 * fetched over the network.
 */
public final class EventSchemas {

  private static final String URN_PREFIX = "urn:pulse:schema:";
  private static final String ENVELOPE = URN_PREFIX + "cloudevent:v1";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder
                  .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                  .schemaIdResolvers(ids -> ids.mappings(EventSchemas::classpathLocation)));
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final ChannelCatalog catalog = ChannelCatalog.standard();

  /** Every way the structured-mode event breaks its contract; empty when it conforms. */
  public List<String> violations(byte[] cloudEventJson) {
    JsonNode event;
    try {
      event = JSON.readTree(cloudEventJson);
    } catch (RuntimeException e) {
      return List.of("not JSON: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>(check(ENVELOPE, event, "envelope"));
    String dataSchema = event.path("dataschema").asString("");
    String type = event.path("type").asString("");
    EventType.of(type)
        .ifPresentOrElse(
            known -> {
              if (!known.dataSchema().toString().equals(dataSchema)) {
                problems.add("dataschema " + dataSchema + " is not " + known.dataSchema() + " for " + type);
              }
            },
            () -> problems.add("unknown event type '" + type + "'"));
    if (dataSchema.startsWith(URN_PREFIX)) {
      problems.addAll(check(dataSchema, event.path("data"), "data"));
    }
    for (String channel : event.path(PulseEvents.AUDIENCE).asString("").split(",", -1)) {
      if (!channel.isEmpty() && !catalog.isKnown(channel)) {
        problems.add("audience: " + channel + " is not a channel of the catalog (" + ChannelCatalog.RESOURCE + ")");
      }
    }
    return problems;
  }

  /** Violations of the payload schema of one event type, for a payload on its own. */
  public List<String> dataViolations(EventType type, byte[] dataJson) {
    return check(type.dataSchema().toString(), JSON.readTree(dataJson), "data");
  }

  private List<String> check(String schemaId, JsonNode node, String part) {
    Schema schema;
    try {
      schema = schemas.computeIfAbsent(schemaId, id -> registry.getSchema(SchemaLocation.of(id)));
    } catch (RuntimeException e) {
      return List.of(part + ": no schema " + schemaId + " (" + e.getMessage() + ")");
    }
    return schema.validate(node).stream().map(error -> part + ": " + describe(error)).toList();
  }

  private static String describe(Error error) {
    return error.getInstanceLocation() + " " + error.getMessage();
  }

  /** {@code urn:pulse:schema:ocs.order:v1} → {@code classpath:schemas/ocs.order.v1.json}. */
  private static String classpathLocation(String id) {
    if (!id.startsWith(URN_PREFIX)) {
      return null;
    }
    String name = id.substring(URN_PREFIX.length());
    int colon = name.lastIndexOf(':');
    return colon < 0 ? null : "classpath:schemas/" + name.substring(0, colon) + "." + name.substring(colon + 1) + ".json";
  }
}
