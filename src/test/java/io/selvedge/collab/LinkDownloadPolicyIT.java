package io.selvedge.collab;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.access.SecurityPolicyChanged;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.AsACustomerAdmin;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Downloads through a share link: by default only signed-in members of the group may, whatever the link
 * allows; when the group admin turns {@code linkDownloadsForAnyone} on, anyone holding a download link
 * may. A refusal is a page that says why (403), never an error.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class LinkDownloadPolicyIT extends AsACustomerAdmin {

    @Autowired
    ApplicationEvents events;

    @Test
    void linkDownloadsAreForMembersUntilTheAdminAllowsAnyone() throws Exception {
        ApiCalls.Tree tree = api.aTree(admin, "eu");
        String group = tree.group();
        String workroom = tree.workroom();
        String style = created(api.as(
                admin, post("/api/v1/workrooms/" + workroom + "/styles"), "{\"name\": \"Parka\", \"tags\": []}"));
        byte[] file = "a parka, in CLO".getBytes(StandardCharsets.UTF_8);
        String version = created(mvc.perform(post("/api/v1/styles/" + style + "/versions?filename=parka.zprj")
                .with(admin.caller())
                .accept(MediaType.APPLICATION_JSON)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(file)));
        Customers.Account member = api.granted(admin, workroom, Role.VIEWER);
        Customers.Account outsider = customers.aCustomer("outsider");
        String downloadLink = linkPath(style, true) + "/versions/" + version + "/content";
        String viewOnlyLink = linkPath(style, false) + "/versions/" + version + "/content";
        String policy = "/api/v1/groups/" + group + "/security-policy";

        api.as(admin, get(policy), null)
                .andExpect(jsonPath("$.linkDownloadsForAnyone").value(false));
        refused(mvc.perform(get(downloadLink)), "signed-in members of the group");
        refused(mvc.perform(get(downloadLink).with(outsider.caller())), "signed-in members of the group");
        assertThat(downloaded(mvc.perform(get(downloadLink).with(member.caller()))))
                .isEqualTo(file);
        refused(mvc.perform(get(viewOnlyLink).with(member.caller())), "not download it");

        api.as(admin, put(policy), policyWith(true, 0L))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.linkDownloadsForAnyone").value(true))
                .andExpect(jsonPath("$.version").value(1));
        api.as(admin, get(policy), null)
                .andExpect(jsonPath("$.linkDownloadsForAnyone").value(true));
        assertThat(events.stream(SecurityPolicyChanged.class)
                        .filter(e -> e.groupId().toString().equals(group)))
                .anyMatch(e -> e.linkDownloadsForAnyone() && !e.refused() && e.version() == 1);

        assertThat(downloaded(mvc.perform(get(downloadLink)))).isEqualTo(file);
        assertThat(downloaded(mvc.perform(get(downloadLink).with(outsider.caller()))))
                .isEqualTo(file);
        // The switch widens who may download through a download link; a view-only link stays view-only.
        refused(mvc.perform(get(viewOnlyLink)), "not download it");

        // Back off (a PUT without the setting turns it off: the default is the stricter).
        api.as(
                        admin,
                        put(policy),
                        "{\"mfaRequired\": false, \"passwordSignIn\": true, \"ipAllowList\": [], \"version\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.linkDownloadsForAnyone").value(false));
        refused(mvc.perform(get(downloadLink)), "signed-in members of the group");
        refused(mvc.perform(get(downloadLink).with(outsider.caller())), "signed-in members of the group");
    }

    @Test
    void onlyAGroupAdminTurnsTheSwitch() throws Exception {
        String group = created(api.as(admin, post("/api/v1/groups"), "{\"name\": \"Maison\", \"region\": \"us\"}"));
        Customers.Account operator = api.granted(admin, group, Role.GROUP_OPERATOR);
        String policy = "/api/v1/groups/" + group + "/security-policy";
        api.as(operator, get(policy), null)
                .andExpect(jsonPath("$.linkDownloadsForAnyone").value(false));
        api.as(operator, put(policy), policyWith(true, null)).andExpect(status().isForbidden());
        api.as(admin, get(policy), null)
                .andExpect(jsonPath("$.linkDownloadsForAnyone").value(false));
    }

    private static void refused(ResultActions result, String reason) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(Matchers.containsString(reason)));
    }

    private static byte[] downloaded(ResultActions result) throws Exception {
        return result.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static String policyWith(boolean linkDownloadsForAnyone, Long version) {
        return "{\"mfaRequired\": false, \"passwordSignIn\": true, \"ipAllowList\": [], \"linkDownloadsForAnyone\": "
                + linkDownloadsForAnyone + (version == null ? "" : ", \"version\": " + version) + "}";
    }

    private String linkPath(String style, boolean allowDownload) throws Exception {
        String body = api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/links"),
                        "{\"expiresAt\": \"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\", \"allowDownload\": "
                                + allowDownload + "}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return java.net.URI.create(JsonPath.read(body, "$.url")).getPath();
    }
}
