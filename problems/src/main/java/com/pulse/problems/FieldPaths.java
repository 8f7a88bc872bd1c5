package com.pulse.problems;

import tools.jackson.core.JacksonException;

/**
 * The field a JSON error is about, as a client writes it: {@code items[0].label}, not Jackson's reference chain
 * ({@code Order["items"]->ArrayList[0]->Item["label"]}).
 */
public final class FieldPaths {

  private FieldPaths() {}

  /** The path of the value the error is about; empty when it is about the document as a whole. */
  public static String of(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** {@code parent.child}, or {@code child} at the top. */
  public static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }
}
