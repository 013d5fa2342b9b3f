package io.selvedge.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.identity.SessionLimits;
import io.selvedge.testing.MovableClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The groups' tighter session limits end a signed-in web session: idle longer than the shortest idle limit,
 * or older than the shortest absolute limit, of every {@link SessionLimits} asked.
 */
class GroupSessionLimitsTest {

    final UUID account = UUID.randomUUID();
    final MovableClock clock = new MovableClock();

    @Test
    void anIdleSessionEndsAfterTheShortestIdleLimit() {
        GroupSessionLimits filter = filter(
                new SessionLimits.Limits(Duration.ofMinutes(20), null),
                new SessionLimits.Limits(Duration.ofMinutes(10), Duration.ofHours(2)));
        MockHttpSession session = signedIn();

        filter.check(session);
        clock.advance(Duration.ofMinutes(9));
        filter.check(session);
        clock.advance(Duration.ofMinutes(9));
        filter.check(session);
        assertThat(session.isInvalid()).isFalse();

        clock.advance(Duration.ofMinutes(10));
        filter.check(session);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aBusySessionEndsAfterTheShortestAbsoluteLimit() {
        GroupSessionLimits filter = filter(new SessionLimits.Limits(Duration.ofMinutes(10), Duration.ofMinutes(30)));
        MockHttpSession session = signedIn();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(5));
            filter.check(session);
        }
        assertThat(session.isInvalid()).isFalse();

        clock.advance(Duration.ofMinutes(6));
        filter.check(session);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void withoutLimitsOrSignInNothingEnds() {
        GroupSessionLimits none = filter(SessionLimits.Limits.none());
        MockHttpSession session = signedIn();
        clock.advance(Duration.ofDays(2));
        none.check(session);
        assertThat(session.isInvalid()).isFalse();

        GroupSessionLimits strict = filter(new SessionLimits.Limits(Duration.ofMinutes(1), Duration.ofMinutes(1)));
        MockHttpSession anonymous = new MockHttpSession();
        clock.advance(Duration.ofDays(2));
        strict.check(anonymous);
        assertThat(anonymous.isInvalid()).isFalse();
    }

    private GroupSessionLimits filter(SessionLimits.Limits... limits) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (int i = 0; i < limits.length; i++) {
            SessionLimits.Limits these = limits[i];
            SessionLimits source = id -> id.equals(account) ? these : SessionLimits.Limits.none();
            beans.addBean("limits" + i, source);
        }
        // The account is already known to the session: the table of accounts is not asked.
        return new GroupSessionLimits(beans.getBeanProvider(SessionLimits.class), null, clock);
    }

    private MockHttpSession signedIn() {
        MockHttpSession session = new MockHttpSession() {
            final long created = clock.instant().toEpochMilli();

            @Override
            public long getCreationTime() {
                return created;
            }
        };
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated("ada", null, List.of())));
        session.setAttribute(GroupSessionLimits.ACCOUNT, account.toString());
        return session;
    }
}
