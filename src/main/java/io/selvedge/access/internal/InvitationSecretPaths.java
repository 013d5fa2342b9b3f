package io.selvedge.access.internal;

import io.selvedge.platform.SecretBearingPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/** Invitation links carry their secret in the path: the page and the API's accept call. */
@Component
class InvitationSecretPaths implements SecretBearingPaths {

    @Override
    public List<String> secretAfter() {
        return List.of("/invitations/", "/api/v1/invitations/");
    }
}
