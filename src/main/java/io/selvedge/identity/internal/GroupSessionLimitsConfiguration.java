package io.selvedge.identity.internal;

import io.selvedge.identity.SessionLimits;
import io.selvedge.identity.StaffProperties;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The groups' and staff's session limits ({@link SessionLimits}), checked just after the installation's absolute
 * timeout, then the binding of staff sessions to their client address.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class GroupSessionLimitsConfiguration {

    @Bean
    FilterRegistrationBean<GroupSessionLimits> groupSessionLimits(
            ObjectProvider<SessionLimits> limits,
            Accounts accounts,
            Clock clock,
            StaffProperties staff,
            SpringWebSessions sessions) {
        FilterRegistrationBean<GroupSessionLimits> registration = new FilterRegistrationBean<>(
                new GroupSessionLimits(limits, accounts, clock, new StaffSessionLimits(staff, accounts), sessions));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
        return registration;
    }

    /** Staff sessions bound to their sign-in's client address, checked after the limits above. */
    @Bean
    @ConditionalOnBooleanProperty(name = "selvedge.staff.session-bound-to-address", matchIfMissing = true)
    FilterRegistrationBean<StaffSessionAddress> staffSessionAddress(Accounts accounts, IdentityEvents events) {
        FilterRegistrationBean<StaffSessionAddress> registration =
                new FilterRegistrationBean<>(new StaffSessionAddress(accounts, events));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 3);
        return registration;
    }
}
