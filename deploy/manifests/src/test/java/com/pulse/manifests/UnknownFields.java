package com.pulse.manifests;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields the fabric8 model did not know, with their path: it keeps them aside (additionalProperties) instead of
 * failing, so a misspelt {@code readinesProbe} would otherwise pass every check by simply not being there.
 */
final class UnknownFields {

  private UnknownFields() {}

  static List<String> of(Object model) {
    List<String> unknown = new ArrayList<>();
    walk(model, "", unknown);
    return unknown;
  }

  private static void walk(Object value, String path, List<String> unknown) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Enum<?>) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(item, path + "[" + index++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> walk(item, path + "." + key, unknown));
      return;
    }
    if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      String name = getter.getName();
      try {
        if (name.equals("getAdditionalProperties")) {
          Map<?, ?> extra = (Map<?, ?>) getter.invoke(value);
          extra.keySet().forEach(key -> unknown.add(path + "." + key));
        } else if (name.startsWith("get") && !getter.getReturnType().isPrimitive()) {
          walk(getter.invoke(value), path + "." + Character.toLowerCase(name.charAt(3)) + name.substring(4), unknown);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
