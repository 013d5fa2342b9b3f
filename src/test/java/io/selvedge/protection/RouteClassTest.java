package io.selvedge.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouteClassTest {

    @Test
    void eachRequestFallsInTheClassOfWhatItCosts() {
        assertThat(RouteClass.of("POST", "/signin")).isEqualTo(RouteClass.SIGN_IN);
        assertThat(RouteClass.of("POST", "/api/v1/auth/tokens")).isEqualTo(RouteClass.SIGN_IN);
        assertThat(RouteClass.of("POST", "/api/v1/auth/password-reset")).isEqualTo(RouteClass.PASSWORD_RESET);
        assertThat(RouteClass.of("POST", "/s/abc")).isEqualTo(RouteClass.LINKS);
        assertThat(RouteClass.of("GET", "/s/abc/versions/1/content")).isEqualTo(RouteClass.LINKS);
        assertThat(RouteClass.of("POST", "/api/v1/styles/1/versions")).isEqualTo(RouteClass.UPLOADS);
        assertThat(RouteClass.of("GET", "/api/v1/styles/1/versions")).isEqualTo(RouteClass.OTHER);
        assertThat(RouteClass.of("POST", "/api/v1/versions/1/renders")).isEqualTo(RouteClass.UPLOADS);
        assertThat(RouteClass.of("GET", "/api/v1/versions/1/renders")).isEqualTo(RouteClass.OTHER);
        assertThat(RouteClass.of("PATCH", "/api/v1/uploads/77")).isEqualTo(RouteClass.UPLOADS);
        assertThat(RouteClass.of("GET", "/api/v1/versions/1/content")).isEqualTo(RouteClass.DOWNLOADS);
        assertThat(RouteClass.of("GET", "/api/v1/search")).isEqualTo(RouteClass.SEARCH);
        assertThat(RouteClass.of("GET", "/api/v1/groups/0b6b2c1e-3f0e-4f43-9a55-1c2d3e4f5a6b/search"))
                .isEqualTo(RouteClass.SEARCH);
        assertThat(RouteClass.of("GET", "/admin/groups/1/members")).isEqualTo(RouteClass.ADMIN);
        assertThat(RouteClass.of("GET", "/styles/1")).isEqualTo(RouteClass.OTHER);
        assertThat(RouteClass.PASSWORD_RESET.setting()).isEqualTo("password-reset");
    }

    @Test
    void aLimitIsWrittenAsRequestsPerDuration() {
        assertThat(ProtectionProperties.Limit.parse("30/1m"))
                .isEqualTo(new ProtectionProperties.Limit(30, Duration.ofMinutes(1)));
        assertThat(ProtectionProperties.Limit.parse("5/PT10S").per()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ProtectionProperties.Limit.parse("30/1m").allowance("x").refillEvery())
                .isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> ProtectionProperties.Limit.parse("0/1m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProtectionProperties.Limit.parse("thirty"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
