package com.pulse.spc.alert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The filters and page of {@code GET /api/spc/alerts}, bound by Spring from the query string.
 *
 * @param from inclusive, on {@code createdAt}
 * @param to exclusive, on {@code createdAt}
 * @param page from 0
 */
record AlertQuery(
    AlertStatus status,
    @Min(1) @Max(5) Integer minPriority,
    @Min(1) Long productId,
    AlertType type,
    Instant from,
    Instant to,
    @PositiveOrZero @Max(10_000) Integer page,
    @Min(1) @Max(100) Integer size) {

  static final Set<String> PARAMETERS = Arrays.stream(AlertQuery.class.getRecordComponents())
      .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

  AlertQuery {
    page = page == null ? 0 : page;
    size = size == null ? 20 : size;
  }

  /** Unknown, repeated or empty parameters, and a range that ends before it starts: errors of their own. */
  static void check(AlertQuery query, MultiValueMap<String, String> parameters, BindingResult errors) {
    parameters.forEach((name, values) -> {
      if (!PARAMETERS.contains(name)) {
        reject(errors, name, "is not a parameter of the alert list; known: " + PARAMETERS.stream().sorted().toList());
      } else if (!errors.hasFieldErrors(name) && values.size() > 1) {
        reject(errors, name, "must be given once");
      } else if (!errors.hasFieldErrors(name) && values.getFirst().isEmpty()) {
        reject(errors, name, "must have a value");
      }
    });
    if (query != null && query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
      reject(errors, "to", "must be after from");
    }
  }

  /** The SQL condition, its parameters added to {@code params}. */
  String where(List<Object> params) {
    List<String> conditions = new ArrayList<>();
    if (status != null) {
      conditions.add("a.status = ?");
      params.add(status.name());
    }
    if (minPriority != null) {
      conditions.add("a.priority >= ?");
      params.add(minPriority);
    }
    if (productId != null) {
      conditions.add("a.product_id = ?");
      params.add(productId);
    }
    if (type != null) {
      conditions.add("a.alert_type = ?");
      params.add(type.name());
    }
    if (from != null) {
      conditions.add("a.created_at >= ?");
      params.add(Timestamp.from(from));
    }
    if (to != null) {
      conditions.add("a.created_at < ?");
      params.add(Timestamp.from(to));
    }
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private static void reject(BindingResult errors, String parameter, String message) {
    errors.addError(new FieldError(errors.getObjectName(), parameter, null, false, null, null, message));
  }
}
