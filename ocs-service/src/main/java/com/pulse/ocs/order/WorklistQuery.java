package com.pulse.ocs.order;

import com.pulse.identity.JobRole;
import com.pulse.platform.web.ApiExceptionHandler.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters, page and sort of {@code GET /api/ocs/orders}, read from the query string and checked all at once.
 *
 * @param statuses empty for any status
 * @param assigned {@code true}: a worker accepted it; {@code false}: nobody has; {@code null}: either
 * @param createdFrom inclusive
 * @param createdTo exclusive
 * @param page from 0
 */
record WorklistQuery(
    JobRole jobRole,
    Set<OrderStatus> statuses,
    Boolean assigned,
    String workerId,
    String doctorId,
    String patientId,
    Instant createdFrom,
    Instant createdTo,
    int page,
    int size,
    List<WorklistSort.Key> sort) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  static final int MAX_PAGE = 10_000;
  static final Set<String> PARAMETERS = Set.of("jobRole", "status", "assigned", "workerId", "doctorId", "patientId",
      "createdFrom", "createdTo", "page", "size", "sort");

  /**
   * Reads the query string.
   *
   * @throws org.springframework.web.ErrorResponseException 400 naming every parameter that is unknown, repeated
   *     or invalid
   */
  static WorklistQuery parse(Map<String, List<String>> parameters) {
    Parser p = new Parser(parameters);
    JobRole jobRole = p.single("jobRole", v -> enumValue(JobRole.class, v));
    Set<OrderStatus> statuses = p.statuses();
    Boolean assigned = p.single("assigned", WorklistQuery::bool);
    String workerId = p.single("workerId", WorklistQuery::text);
    String doctorId = p.single("doctorId", WorklistQuery::text);
    String patientId = p.single("patientId", WorklistQuery::text);
    Instant createdFrom = p.single("createdFrom", v -> instant(v, false));
    Instant createdTo = p.single("createdTo", v -> instant(v, true));
    Integer page = p.single("page", v -> number(v, 0, MAX_PAGE));
    Integer size = p.single("size", v -> number(v, 1, MAX_SIZE));
    List<WorklistSort.Key> sort = p.single("sort", WorklistQuery::sort);
    if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
      p.errors.add(new FieldProblem("createdTo", "must be after createdFrom"));
    }
    p.rejectUnknown();
    if (!p.errors.isEmpty()) {
      throw OrderProblems.invalid(p.errors);
    }
    return new WorklistQuery(jobRole, statuses, assigned, workerId, doctorId, patientId, createdFrom, createdTo,
        page == null ? 0 : page, size == null ? DEFAULT_SIZE : size, sort == null ? WorklistSort.DEFAULT : sort);
  }

  long offset() {
    return (long) page * size;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '"
          + value + "'");
    }
  }

  private static Boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false, got '" + value + "'");
    };
  }

  private static String text(String value) {
    if (value.isBlank() || value.length() > 64) {
      throw new IllegalArgumentException("must be 1 to 64 characters");
    }
    return value;
  }

  private static Integer number(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below, like a number out of range
    }
    throw new IllegalArgumentException("must be an integer from " + min + " to " + max + ", got '" + value + "'");
  }

  /** An instant ({@code 2026-11-22T09:00:00Z}, or with an offset) or a date in UTC; a date ending a range is
   *  inclusive of that day. */
  private static Instant instant(String value, boolean endOfRange) {
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (endOfRange ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date (2026-11-22) or a date-time with an offset "
          + "(2026-11-22T09:00:00Z), got '" + value + "'");
    }
  }

  private static List<WorklistSort.Key> sort(String value) {
    List<WorklistSort.Key> keys = new ArrayList<>();
    for (String term : value.split(",", -1)) {
      boolean descending = term.startsWith("-");
      String name = descending ? term.substring(1) : term;
      WorklistSort sort = WorklistSort.of(name).orElseThrow(() -> new IllegalArgumentException(
          "must be a comma-separated list of " + WorklistSort.parameters() + ", each optionally prefixed with '-',"
              + " got '" + value + "'"));
      if (keys.stream().anyMatch(k -> k.sort() == sort)) {
        throw new IllegalArgumentException("names '" + name + "' twice");
      }
      keys.add(new WorklistSort.Key(sort, descending));
    }
    return List.copyOf(keys);
  }

  /** Reads parameters and collects every problem instead of stopping at the first. */
  private static final class Parser {
    private final Map<String, List<String>> parameters;
    private final List<FieldProblem> errors = new ArrayList<>();

    Parser(Map<String, List<String>> parameters) {
      this.parameters = parameters;
    }

    <T> T single(String name, Function<String, T> read) {
      List<String> values = parameters.get(name);
      if (values == null || values.isEmpty()) {
        return null;
      }
      if (values.size() > 1) {
        errors.add(new FieldProblem(name, "must be given once"));
        return null;
      }
      try {
        return read.apply(values.getFirst());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldProblem(name, e.getMessage()));
        return null;
      }
    }

    /** {@code status=REQUESTED&status=ACCEPTED} or {@code status=REQUESTED,ACCEPTED}. */
    Set<OrderStatus> statuses() {
      Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
      for (String value : parameters.getOrDefault("status", List.of())) {
        for (String one : value.split(",", -1)) {
          try {
            statuses.add(enumValue(OrderStatus.class, one.strip()));
          } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem("status", e.getMessage()));
          }
        }
      }
      return Set.copyOf(statuses);
    }

    void rejectUnknown() {
      parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted().forEach(name -> errors.add(
          new FieldProblem(name, "is not a worklist parameter; known: " + PARAMETERS.stream().sorted().toList())));
    }
  }
}
