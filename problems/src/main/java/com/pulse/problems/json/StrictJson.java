package com.pulse.problems.json;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Configures a mapper to read JSON exactly as written. Jackson's defaults accept {@code 1} for a string ("1"), an
 * enum (its second constant) or a boolean, {@code "2"} for a number, {@code 1.5} for an int (truncated), {@code null}
 * for an int (0), the same key twice (the last wins), and text after the document. Each of those has let a careless
 * client store something it did not mean; here each is a 400 naming the field.
 */
public final class StrictJson {

  private StrictJson() {}

  public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .withCoercionConfig(LogicalType.Textual, strings -> strings
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Enum, enums -> noEmptyText(enums)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Integer, integers -> noEmptyText(integers)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Float, numbers -> noEmptyText(numbers)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.Boolean, booleans -> noEmptyText(booleans)
            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .withCoercionConfig(LogicalType.DateTime, times -> noEmptyText(times))
        .addModule(StrictStrings.module());
  }

  /**
   * {@code ""}, and any text of spaces and control characters that Jackson calls blank ({@code "\u0000"}), is no
   * number, boolean, enum or date: by default Jackson reads it as null, so a required-looking field went missing.
   */
  private static MutableCoercionConfig noEmptyText(MutableCoercionConfig config) {
    return config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail).setAcceptBlankAsEmpty(false);
  }

  /** A strict mapper on its own, for code outside a Spring context (and tests). */
  public static JsonMapper mapper() {
    return configure(JsonMapper.builder()).build();
  }
}
