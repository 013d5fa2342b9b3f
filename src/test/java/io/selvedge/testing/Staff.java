package io.selvedge.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A staff member of one role ({@code SUPPORT}, {@code SECURITY}...), made by {@link Customers#aStaffMember}:
 * calls the API with a token's scopes and the role's authority.
 */
public record Staff(UUID id, String username, String role) {

    public RequestPostProcessor caller() {
        return user(username)
                .authorities(
                        new SimpleGrantedAuthority("SCOPE_read"),
                        new SimpleGrantedAuthority("SCOPE_write"),
                        new SimpleGrantedAuthority("SCOPE_admin"),
                        new SimpleGrantedAuthority("STAFF_" + role));
    }

    public ResultActions call(ApiCalls api, MockHttpServletRequestBuilder request) throws Exception {
        return api.mvc().perform(request.with(caller()).accept(MediaType.APPLICATION_JSON));
    }

    /** Makes an access request (60 minutes) to the group, for the node if one is given, returning its id. */
    public String requests(ApiCalls api, String group, String scope, @Nullable String node) throws Exception {
        return ApiCalls.created(call(
                api,
                post("/api/v1/groups/" + group + "/access-requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(accessRequest(scope, node, 60))));
    }

    /** The body of an access request, with a reason and a ticket. */
    public static String accessRequest(String scope, @Nullable String node, int minutes) {
        return "{\"scope\": \"" + scope + "\"" + (node == null ? "" : ", \"nodeId\": \"" + node + "\"")
                + ", \"reason\": \"The customer reports a missing season\", \"ticket\": \"SUP-1234\","
                + " \"durationMinutes\": " + minutes + "}";
    }
}
