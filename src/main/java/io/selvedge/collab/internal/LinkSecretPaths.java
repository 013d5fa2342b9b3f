package io.selvedge.collab.internal;

import io.selvedge.platform.SecretBearingPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/** A share link is its token: {@code /s/{token}} and everything below it (previews, downloads). */
@Component
class LinkSecretPaths implements SecretBearingPaths {

    @Override
    public List<String> secretAfter() {
        return List.of("/s/");
    }
}
