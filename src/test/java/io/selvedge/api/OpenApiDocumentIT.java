package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document at /api/v1/openapi.json: public, the API's endpoints only, under our security headers. */
@SelvedgeIntegrationTest
class OpenApiDocumentIT {

    @Autowired
    ApiCalls api;

    @Test
    void theDocumentListsTheApiAndNothingElse() throws Exception {
        MockMvc mvc = api.mvc();
        MockHttpServletResponse answer =
                mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentType()).startsWith("application/json");
        assertThat(answer.getHeader("Content-Security-Policy")).contains("script-src 'self'");
        String document = answer.getContentAsString();
        assertThat((String) JsonPath.read(document, "$.openapi")).startsWith("3.");
        Map<String, Object> paths = JsonPath.read(document, "$.paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/groups/{groupId}/security-policy",
                        "/api/v1/groups/{groupId}/invitations",
                        "/api/v1/invitations/{token}/accept",
                        "/api/v1/workrooms/{id}/shares",
                        "/api/v1/styles/{id}/shares",
                        "/api/v1/styles/{id}/shares/{userId}",
                        "/api/v1/nodes/{nodeId}/members/{userId}",
                        "/api/v1/alerts",
                        "/api/v1/alerts/{alertId}/acknowledge",
                        "/api/v1/groups/{groupId}/alerts",
                        "/api/v1/groups/{groupId}/alerts/{alertId}/resolve",
                        "/api/v1/groups/{groupId}/access-requests",
                        "/api/v1/groups/{groupId}/access-requests/{requestId}/approve",
                        "/api/v1/me/access-requests");
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/v1/"));
        assertThat(mvc.perform(get("/swagger-ui/index.html"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("no UI page is served")
                .isIn(302, 401, 404);
    }
}
