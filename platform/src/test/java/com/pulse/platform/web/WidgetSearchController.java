package com.pulse.platform.web;

import com.pulse.platform.PlatformTestApplication.Color;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Set;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /test/widget-search}: query parameters bound to a record, with one check of the handler's own, for
 * {@link QueryBindingErrorsTests}. A top-level class: Spring Boot's tests do not scan classes nested in a test.
 */
@RestController
class WidgetSearchController {

  /** A percentage, {@code 40%}: a type of the service's own, converted by its {@code valueOf}. */
  record Shade(int percent) {
    public static Shade valueOf(String text) {
      if (!text.matches("\\d{1,2}%")) {
        throw new IllegalArgumentException("must be a percentage such as 40%, got '" + text + "'");
      }
      return new Shade(Integer.parseInt(text.substring(0, text.length() - 1)));
    }
  }

  record WidgetSearch(Color color, Set<Color> colors, @Min(1) Integer size, Shade shade) {}

  @GetMapping("/test/widget-search")
  Map<String, String> search(@Valid @ModelAttribute WidgetSearch search, BindingResult errors)
      throws BindException {
    if (search != null && Integer.valueOf(13).equals(search.size())) {
      errors.addError(new FieldError(errors.getObjectName(), "size", 13, false, null, null, "is unlucky"));
    }
    if (errors.hasErrors()) {
      throw new BindException(errors);
    }
    return Map.of("found", search.color() + " " + search.colors() + " " + search.size() + " "
        + search.shade().percent());
  }
}
