package io.selvedge.platform.internal.web;

import io.selvedge.platform.PublicPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/** The liveness probe and the container's error page answer anyone. */
@Component
class PlatformPublicPaths implements PublicPaths {

    @Override
    public List<PublicPath> publicPaths() {
        return List.of(PublicPath.any("/healthz"), PublicPath.any("/error"));
    }
}
