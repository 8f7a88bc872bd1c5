package com.pulse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A table printed as Markdown (numbers right-aligned), the form RESULTS.md records. */
public final class MarkdownTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  public MarkdownTable(String... header) {
    this.header = List.of(header);
  }

  /** Adds a row; numbers are written with {@code %.1f} unless they are whole. */
  public MarkdownTable row(Object... cells) {
    rows.add(Arrays.stream(cells).map(MarkdownTable::cell).toList());
    return this;
  }

  private static String cell(Object value) {
    if (value instanceof Double number) {
      return String.format(Locale.ROOT, "%.1f", number);
    }
    if (value instanceof Float number) {
      return String.format(Locale.ROOT, "%.1f", number);
    }
    return String.valueOf(value);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n");
    out.append(header.stream().map(h -> h.equals(header.getFirst()) ? "---" : "---:")
        .collect(Collectors.joining("|", "|", "|\n")));
    rows.forEach(row -> out.append("| ").append(String.join(" | ", row)).append(" |\n"));
    return out.toString();
  }
}
