package io.selvedge.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.identity.DirectoryPasswords;
import io.selvedge.protection.AbuseSignals;
import io.selvedge.protection.ProtectionProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    static final String PASSWORD_CHECKS = "selvedge.identity.password.checks";

    static final String PASSWORD_CHECKS_REFUSED = "selvedge.identity.password.checks.refused";

    /**
     * Argon2id with OWASP's current minimum (19 MiB, 2 passes, 1 lane). The parameters are written into
     * every hash, so raising them here upgrades each account's hash at its next sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder(MeterRegistry meters, ProtectionProperties protection) {
        return new BoundedPasswordChecks(
                new CountedPasswordEncoder(
                        argon2id(),
                        Counter.builder(PASSWORD_CHECKS)
                                .description("Password hashes compared, at sign-in and token creation")
                                .register(meters)),
                protection.passwordChecks(),
                Counter.builder(PASSWORD_CHECKS_REFUSED)
                        .description("Password checks refused (429) because as many as allowed were running")
                        .register(meters));
    }

    static Argon2PasswordEncoder argon2id() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    /**
     * Password sign-in, throttled. Account state is checked only after the password (Spring checks it
     * before by default): a disabled account then answers a wrong password like any other, in the same time.
     * An address an organisation's directory answers for is checked there instead ({@link DirectoryPasswords}).
     */
    @Bean
    AuthenticationManager passwordSignIn(
            AccountUserDetails accounts,
            PasswordEncoder encoder,
            SignInThrottle throttle,
            AccountTotp secondFactor,
            SignInNames names,
            Accounts accountRows,
            IdentityEvents identityEvents,
            ApplicationEventPublisher events,
            ObjectProvider<DirectoryPasswords> directories,
            AbuseSignals abuse,
            UnknownSignInNames unknownNames,
            StaffPasskeys staffPasskeys) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService(accounts);
        passwords.setPreAuthenticationChecks(user -> {});
        passwords.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("The account is disabled.");
            }
            if (!user.isCredentialsNonExpired()) { // a PasswordSignInPolicy said no (single sign-on only)
                throw new CredentialsExpiredException("Password sign-in is off for this account.");
            }
        });
        ProviderManager manager = new ProviderManager(new ThrottledPasswordAuthentication(
                passwords,
                throttle,
                secondFactor,
                names,
                accountRows,
                identityEvents,
                directories,
                accounts,
                abuse,
                unknownNames,
                staffPasskeys));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }
}
