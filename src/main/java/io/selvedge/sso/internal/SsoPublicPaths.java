package io.selvedge.sso.internal;

import io.selvedge.platform.PublicPaths;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The single sign-on pages a person reaches before being signed in: the start, the OIDC callback, the SAML
 * assertion consumer and the SAML service provider's metadata.
 */
@Component
class SsoPublicPaths implements PublicPaths {

    @Override
    public List<PublicPath> publicPaths() {
        return Stream.of("/sso/*", "/sso/*/callback", "/sso/*/acs", "/sso/*/metadata")
                .map(PublicPath::any)
                .toList();
    }
}
