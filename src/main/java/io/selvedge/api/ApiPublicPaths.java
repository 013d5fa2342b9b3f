package io.selvedge.api;

import io.selvedge.platform.PublicPaths;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The API endpoints that take no API token: the first admin's setup, making a token, password reset,
 * accepting an invitation with a new account, and the OpenAPI document.
 */
@Component
class ApiPublicPaths implements PublicPaths {

    @Override
    public List<PublicPath> publicPaths() {
        return List.of(
                PublicPath.any("/api/v1/setup/admin"),
                PublicPath.post("/api/v1/auth/tokens"),
                PublicPath.post("/api/v1/auth/password-reset"),
                PublicPath.post("/api/v1/auth/password-reset/*"),
                PublicPath.post("/api/v1/invitations/*/accept"),
                PublicPath.get("/api/v1/openapi.json"));
    }
}
