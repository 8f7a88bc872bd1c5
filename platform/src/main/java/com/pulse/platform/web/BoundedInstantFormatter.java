package com.pulse.platform.web;

import com.pulse.problems.InputTimes;
import java.text.ParseException;
import java.time.Instant;
import java.util.Locale;
import org.springframework.format.Formatter;
import org.springframework.format.datetime.standard.InstantFormatter;

/**
 * Spring's binding of an {@link Instant} query parameter or path variable ({@code ?createdFrom=…}), limited to
 * {@link InputTimes}' range: {@code -999999999-01-01T00:00:00Z} parses, then overflows on its way to the database.
 * Out of range, binding fails and the parameter is named in a 400.
 */
final class BoundedInstantFormatter implements Formatter<Instant> {

  private final InstantFormatter standard = new InstantFormatter();

  @Override
  public Instant parse(String text, Locale locale) throws ParseException {
    Instant instant = standard.parse(text, locale);
    if (!InputTimes.isWithinRange(instant)) {
      throw new IllegalArgumentException(InputTimes.OUT_OF_RANGE);
    }
    return instant;
  }

  @Override
  public String print(Instant instant, Locale locale) {
    return standard.print(instant, locale);
  }
}
