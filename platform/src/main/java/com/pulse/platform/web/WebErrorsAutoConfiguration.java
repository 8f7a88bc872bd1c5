package com.pulse.platform.web;

import com.pulse.problems.servlet.QueryStringFilter;
import com.pulse.problems.servlet.ServletProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Import;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of a servlet service as a problem: controllers ({@link ApiExceptionHandler}; {@link BindingValidation}
 * for bound query records), the error page
 * ({@link ProblemErrorController}, before Boot's whitelabel one), Tomcat's own refusals ({@link TomcatProblems}),
 * and query strings or paths with control characters ({@link QueryStringFilter}), refused before they reach the
 * database. The defaults that go with it are in {@link PlatformWebDefaults}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ApiExceptionHandler.class, BindingValidation.class, ProblemErrorController.class})
public class WebErrorsAutoConfiguration {

  @Bean
  ServletProblems pulseServletProblems(ObjectProvider<JsonMapper> json) {
    return new ServletProblems(json.getIfAvailable(() -> JsonMapper.builder().build()));
  }

  /** Right after the security chain: a caller without a token gets 401 before anything else is looked at. */
  @Bean
  FilterRegistrationBean<QueryStringFilter> pulseQueryStringFilter(ServletProblems problems) {
    FilterRegistrationBean<QueryStringFilter> registration = new FilterRegistrationBean<>(
        new QueryStringFilter(problems));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * Before everything, the security chain included: a body over {@code pulse.web.max-body-size} (default 1 MB, the
   * gateway's limit) is refused with 413 before it is read.
   */
  @Bean
  FilterRegistrationBean<BodySizeFilter> pulseBodySizeFilter(ServletProblems problems,
      @Value("${pulse.web.max-body-size:1MB}") DataSize maxBodySize) {
    FilterRegistrationBean<BodySizeFilter> registration = new FilterRegistrationBean<>(
        new BodySizeFilter(maxBodySize.toBytes(), problems));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  WebMvcConfigurer pulseBoundedInstants() {
    return new WebMvcConfigurer() {
      @Override
      public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(java.time.Instant.class, new BoundedInstantFormatter());
      }
    };
  }

  @Bean
  @ConditionalOnClass(name = "org.apache.catalina.valves.ErrorReportValve")
  TomcatProblems pulseTomcatProblems() {
    return new TomcatProblems();
  }
}
