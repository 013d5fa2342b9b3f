package io.selvedge.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void theSecretOfAOneTimeLinkIsNotLogged() {
        assertThat(RequestIdFilter.loggedPath("/setup/s3cr3t-t0ken")).isEqualTo("/setup/{secret}");
        assertThat(RequestIdFilter.loggedPath("/invitations/s3cr3t")).isEqualTo("/invitations/{secret}");
        assertThat(RequestIdFilter.loggedPath("/api/v1/invitations/s3cr3t/accept"))
                .isEqualTo("/api/v1/invitations/{secret}/accept");
    }

    @Test
    void otherPathsAreLoggedAsTheyCame() {
        assertThat(RequestIdFilter.loggedPath("/api/v1/setup/admin")).isEqualTo("/api/v1/setup/admin");
        assertThat(RequestIdFilter.loggedPath("/styles/42")).isEqualTo("/styles/42");
        assertThat(RequestIdFilter.loggedPath("/setup")).isEqualTo("/setup");
    }
}
