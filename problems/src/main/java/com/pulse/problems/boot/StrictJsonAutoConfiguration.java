package com.pulse.problems.boot;

import com.pulse.problems.json.StrictJson;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Boot's {@code JsonMapper} reads strictly ({@link StrictJson}), after Boot's own {@code spring.jackson.*}. */
@AutoConfiguration
@ConditionalOnClass(JsonMapperBuilderCustomizer.class)
public class StrictJsonAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer pulseStrictJson() {
    return new StrictCustomizer();
  }

  /** Ordered after Boot's standard customizer (order 0), so a property cannot undo a rule by accident. */
  private static final class StrictCustomizer implements JsonMapperBuilderCustomizer, Ordered {
    @Override
    public void customize(JsonMapper.Builder builder) {
      StrictJson.configure(builder);
    }

    @Override
    public int getOrder() {
      return 10;
    }
  }
}
