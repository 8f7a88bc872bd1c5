package com.pulse.problems.json;

import com.pulse.problems.InputText;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from JSON — a field, an element of a list, a map's value or key — passes {@link InputText}'s
 * check. Registered as a custom String deserializer, so Jackson's collection and map readers use it too.
 */
final class StrictStrings extends StringDeserializer {

  private StrictStrings() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("pulse-strict-strings");
    module.addDeserializer(String.class, new StrictStrings());
    module.addKeyDeserializer(String.class, new Keys());
    return module;
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    String text = super.deserialize(parser, context);
    if (text != null) {
      Optional<String> problem = InputText.problem(text);
      if (problem.isPresent()) {
        throw new RefusedTextException(parser, problem.get());
      }
    }
    return text;
  }

  /** Map keys: the same rule. */
  private static final class Keys extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext context) {
      Optional<String> problem = InputText.problem(key);
      if (problem.isPresent()) {
        throw new RefusedTextException(context.getParser(), problem.get());
      }
      return key;
    }
  }
}
