package com.pulse.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Pulse response writes every member, {@code null} when empty (Boot's Jackson default), so a schema only responses
 * use lists each property as required: a generated client then reads {@code order.id}, not {@code order.id?}.
 * Schemas a request body reaches keep what their constraints say (a client may leave optional members out).
 */
final class ResponseMembers {

  private static final String REF = "#/components/schemas/";

  private ResponseMembers() {
  }

  static void markPresent(OpenAPI api) {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    Set<String> requests = reachable(schemas, requestRoots(api));
    schemas.forEach((name, schema) -> {
      if (!requests.contains(name) && schema.getProperties() != null) {
        schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
      }
    });
  }

  private static Deque<Schema<?>> requestRoots(OpenAPI api) {
    Deque<Schema<?>> roots = new ArrayDeque<>();
    if (api.getPaths() != null) {
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
          operation.getRequestBody().getContent().values().forEach(media -> roots.add(media.getSchema()));
        }
      }));
    }
    return roots;
  }

  private static Set<String> reachable(Map<String, Schema> schemas, Deque<Schema<?>> pending) {
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Schema<?> schema = pending.pop();
      if (schema == null) {
        continue;
      }
      if (schema.get$ref() != null && schema.get$ref().startsWith(REF)) {
        String name = schema.get$ref().substring(REF.length());
        if (seen.add(name) && schemas.get(name) != null) {
          pending.push(schemas.get(name));
        }
      }
      if (schema.getProperties() != null) {
        schema.getProperties().values().forEach(pending::push);
      }
      if (schema.getItems() != null) {
        pending.push(schema.getItems());
      }
      if (schema.getAdditionalProperties() instanceof Schema<?> values) {
        pending.push(values);
      }
    }
    return seen;
  }
}
