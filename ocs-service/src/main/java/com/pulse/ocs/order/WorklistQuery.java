package com.pulse.ocs.order;

import static org.springframework.data.relational.core.query.Criteria.where;

import com.pulse.events.ocs.OrderStatus;
import com.pulse.identity.JobRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The filters, page and sort of {@code GET /api/ocs/orders}, bound by Spring from the query string: each component
 * is the parameter of its name, converted by Spring's conversion service (enums by name, lists split at commas,
 * {@link TimeBound} and {@link WorklistSort} by their {@code valueOf}) and checked by its constraints.
 *
 * @param status empty for any status; {@code status=REQUESTED&status=ACCEPTED} or {@code status=REQUESTED,ACCEPTED}
 * @param assigned {@code true}: a worker accepted it; {@code false}: nobody has; {@code null}: either
 * @param createdFrom inclusive: from its start
 * @param createdTo exclusive: up to its end (a date includes that day)
 * @param page from 0
 */
record WorklistQuery(
    JobRole jobRole,
    Set<OrderStatus> status,
    Boolean assigned,
    @Pattern(regexp = TEXT, message = TEXT_RULE) String workerId,
    @Pattern(regexp = TEXT, message = TEXT_RULE) String doctorId,
    @Pattern(regexp = TEXT, message = TEXT_RULE) String patientId,
    TimeBound createdFrom,
    TimeBound createdTo,
    @PositiveOrZero @Max(MAX_PAGE) Integer page,
    @Min(1) @Max(MAX_SIZE) Integer size,
    WorklistSort sort) {

  static final int DEFAULT_SIZE = 20;
  static final int MAX_SIZE = 100;
  static final int MAX_PAGE = 10_000;
  /** 1 to 64 characters, not all blank: user and patient ids. */
  static final String TEXT = "(?s)(?=.*\\S).{1,64}";
  static final String TEXT_RULE = "must be 1 to 64 characters, not all blank";
  /** The parameters there are: the components' names. */
  static final SortedSet<String> PARAMETERS = Arrays.stream(WorklistQuery.class.getRecordComponents())
      .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));

  WorklistQuery {
    status = status == null ? Set.of() : status;
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
    sort = sort == null ? WorklistSort.DEFAULT : sort;
  }

  /**
   * Adds what binding does not see to its errors, so that one 400 names every problem: parameters that are not the
   * worklist's, given twice (only {@code status} may be) or without a value; an empty status in a list; a range that
   * does not end after it starts.
   *
   * @param query as bound, {@code null} if it could not be made at all
   * @param parameters the whole query string
   */
  static void check(WorklistQuery query, MultiValueMap<String, String> parameters, BindingResult errors) {
    parameters.forEach((name, values) -> {
      if (!PARAMETERS.contains(name)) {
        reject(errors, name, "is not a worklist parameter; known: " + PARAMETERS);
      } else if (!errors.hasFieldErrors(name) && values.size() > 1 && !name.equals("status")) {
        reject(errors, name, "must be given once");
      } else if (!errors.hasFieldErrors(name) && values.stream().anyMatch(String::isEmpty)) {
        reject(errors, name, "must have a value");
      }
    });
    if (query == null) {
      return;
    }
    if (!errors.hasFieldErrors("status") && query.status().stream().anyMatch(Objects::isNull)) {
      // Spring reads an empty enum name as no value; in a list it is a mistake
      reject(errors, "status", "must be one of " + Arrays.toString(OrderStatus.values()) + ", got ''");
    }
    if (query.createdFrom() != null && query.createdTo() != null
        && !query.createdFrom().start().isBefore(query.createdTo().end())) {
      reject(errors, "createdTo", "must be after createdFrom");
    }
  }

  /** The orders that match, among those {@code visible} to the caller: every filter only narrows. */
  Query matching(Criteria visible) {
    List<Criteria> filters = new ArrayList<>(List.of(visible));
    if (jobRole != null) {
      filters.add(where("jobRole").is(jobRole));
    }
    if (!status.isEmpty()) {
      filters.add(where("status").in(status));
    }
    if (assigned != null) {
      filters.add(assigned ? where("workerId").isNotNull() : where("workerId").isNull());
    }
    equal(filters, "workerId", workerId);
    equal(filters, "doctorId", doctorId);
    equal(filters, "patientId", patientId);
    if (createdFrom != null) {
      filters.add(where("createdAt").greaterThanOrEquals(createdFrom.start()));
    }
    if (createdTo != null) {
      filters.add(where("createdAt").lessThan(createdTo.end()));
    }
    return Query.query(Criteria.from(filters));
  }

  Pageable pageable() {
    return PageRequest.of(page, size, sort.toSort());
  }

  private static void equal(List<Criteria> filters, String property, String value) {
    if (value != null) {
      filters.add(where(property).is(value));
    }
  }

  private static void reject(BindingResult errors, String parameter, String message) {
    errors.addError(new FieldError(errors.getObjectName(), parameter, null, false, null, null, message));
  }

  /**
   * A bound of {@code createdFrom} or {@code createdTo}: an instant ({@code 2026-11-22T09:00:00Z}, or with an
   * offset), or a date in UTC ({@code 2026-11-22}), which is the whole day: from its start to the start of the next.
   */
  record TimeBound(Instant start, Instant end) {

    /**
     * Spring's conversion service reads the parameter with this.
     *
     * @throws IllegalArgumentException saying what is expected (the 400's message)
     */
    public static TimeBound valueOf(String text) {
      try {
        if (text.length() == 10) {
          LocalDate day = LocalDate.parse(text);
          return new TimeBound(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
              day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        Instant at = OffsetDateTime.parse(text).toInstant();
        return new TimeBound(at, at);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("must be a date (2026-11-22) or a date-time with an offset "
            + "(2026-11-22T09:00:00Z), got '" + text + "'");
      }
    }
  }
}
