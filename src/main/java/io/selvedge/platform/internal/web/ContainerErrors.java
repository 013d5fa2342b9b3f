package io.selvedge.platform.internal.web;

import org.apache.catalina.Host;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemReportValve} in place of Tomcat's HTML error report, on the host of every Tomcat
 * this application starts. Ordered last, so that it replaces the valve Spring Boot's own customizer adds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemDocumentsFromTheContainer() {
        return new LastCustomizer();
    }

    static void replaceErrorReport(Host host) {
        if (host instanceof StandardHost standard) {
            // so that the host, starting, finds its error report in place and adds none of its own
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
        }
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ProblemReportValve) {
                return;
            }
        }
        pipeline.addValve(new ProblemReportValve());
    }

    private static final class LastCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> replaceErrorReport((Host) context.getParent()));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
