package com.pulse.platform.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} on Tomcat's host, in place of the HTML report valve Tomcat (and Boot) put
 * there. Runs after Boot's own customizer, which adds one of those.
 */
final class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(context -> {
      Container parent = context.getParent();
      for (Valve valve : parent.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          parent.getPipeline().removeValve(valve);
        }
      }
      parent.getPipeline().addValve(new ProblemErrorReportValve());
      if (parent instanceof StandardHost host) {
        // the host adds a valve of this class at start unless one is there: ours is
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
