package io.selvedge.identity.internal;

import io.selvedge.platform.SecretBearingPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/** The links identity issues with a secret in their path: first-admin setup, password reset, e-mail change. */
@Component
class IdentitySecretPaths implements SecretBearingPaths {

    @Override
    public List<String> secretAfter() {
        return List.of("/setup/", "/reset-password/", "/api/v1/auth/password-reset/", "/confirm-email/");
    }
}
