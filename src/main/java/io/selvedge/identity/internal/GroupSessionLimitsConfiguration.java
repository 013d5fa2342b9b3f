package io.selvedge.identity.internal;

import io.selvedge.identity.SessionLimits;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** The groups' session limits ({@link SessionLimits}), checked just after the installation's absolute timeout. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class GroupSessionLimitsConfiguration {

    @Bean
    FilterRegistrationBean<GroupSessionLimits> groupSessionLimits(
            ObjectProvider<SessionLimits> limits, Accounts accounts, Clock clock) {
        FilterRegistrationBean<GroupSessionLimits> registration =
                new FilterRegistrationBean<>(new GroupSessionLimits(limits, accounts, clock));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
        return registration;
    }
}
