package io.selvedge.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.SecretBearingPaths;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    private final SecretPaths paths = new SecretPaths(List.of(
            () -> List.of("/setup/", "/reset-password/"), () -> List.of("/invitations/", "/api/v1/invitations/")));

    @Test
    void theSecretOfADeclaredLinkIsNotLogged() {
        assertThat(paths.loggable("/setup/s3cr3t-t0ken")).isEqualTo("/setup/{secret}");
        assertThat(paths.loggable("/reset-password/s3cr3t")).isEqualTo("/reset-password/{secret}");
        assertThat(paths.loggable("/invitations/s3cr3t")).isEqualTo("/invitations/{secret}");
        assertThat(paths.loggable("/api/v1/invitations/s3cr3t/accept"))
                .isEqualTo("/api/v1/invitations/{secret}/accept");
    }

    @Test
    void otherPathsAreLoggedAsTheyCame() {
        assertThat(paths.loggable("/api/v1/setup/admin")).isEqualTo("/api/v1/setup/admin");
        assertThat(paths.loggable("/styles/42")).isEqualTo("/styles/42");
        assertThat(paths.loggable("/setup")).isEqualTo("/setup");
        assertThat(paths.loggable("/setupx/42")).isEqualTo("/setupx/42");
    }

    @Test
    void aDeclarationMustBeAPrefixOfWholeSegments() {
        SecretBearingPaths careless = () -> List.of("/s");
        assertThatThrownBy(() -> new SecretPaths(List.of(careless))).isInstanceOf(IllegalStateException.class);
    }
}
