package com.pulse.platform.openapi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** Types Spring's conversion service reads from one query value through their own {@code valueOf(String)}. */
final class QueryText {

  private QueryText() {
  }

  /** A service's own value type (not an enum, not the JDK's) with {@code public static T valueOf(String)}. */
  static boolean readsFromText(Class<?> type) {
    if (type.isEnum() || type.isPrimitive() || type.getName().startsWith("java.")) {
      return false;
    }
    try {
      Method valueOf = type.getDeclaredMethod("valueOf", String.class);
      return Modifier.isStatic(valueOf.getModifiers()) && Modifier.isPublic(valueOf.getModifiers())
          && valueOf.getReturnType() == type;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
