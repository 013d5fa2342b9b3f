package io.selvedge.api;

import static io.selvedge.testing.ApiCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.access.ShareCreated;
import io.selvedge.access.ShareRemoved;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers.Account;
import io.selvedge.testing.Mailbox;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Shares of a workroom: by id (at once for the group's own accounts, an invitation for anybody else), or by
 * e-mail as an invitation granted on acceptance; never stronger than the sharer's own role, listed and removed,
 * audited.
 */
@SelvedgeIntegrationTest
@RecordApplicationEvents
class SharesIT {

    @Autowired
    ApplicationEvents events;

    @Autowired
    AccountRegistration registration;

    @Autowired
    ApiCalls api;

    Mailbox mailbox;
    Account admin;
    String[] tree;
    String shares;
    String domain;

    @BeforeEach
    void aWorkroom() throws Exception {
        mailbox = api.mailbox();
        admin = api.customers().aCustomer("admin");
        tree = api.tree(admin, "Maison");
        shares = "/api/v1/workrooms/" + tree[4] + "/shares";
        domain = api.aVerifiedDomain(admin, tree[0], "maison");
    }

    @Test
    void aCollaboratorSharesAsViewerWhoMayThenOnlyView() throws Exception {
        Account collaborator = api.granted(admin, tree[2], Role.BRAND_COLLABORATOR);
        Account guest = colleague("guest");

        api.as(collaborator, post(shares), share(guest.id(), "VIEWER", true, false))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", shares + "/" + guest.id()))
                .andExpect(jsonPath("$.userId").value(guest.id().toString()))
                .andExpect(jsonPath("$.role").value("VIEWER"))
                .andExpect(jsonPath("$.allowDownload").value(true))
                .andExpect(jsonPath("$.allowUpload").value(false))
                .andExpect(jsonPath("$.sharedBy").value(collaborator.id().toString()));
        api.as(guest, get("/api/v1/workrooms/" + tree[4]), null).andExpect(status().isOk());
        problem(api.as(guest, patch("/api/v1/workrooms/" + tree[4]), "{\"name\": \"Mine\"}"), 403);
        problem(api.as(guest, get(shares), null), 403);
        api.as(admin, get(shares), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].username").value(guest.username()));
        assertThat(events.stream(ShareCreated.class))
                .anyMatch(created -> created.accountId().equals(guest.id())
                        && created.sharedBy().equals(collaborator.id())
                        && created.role() == Role.VIEWER
                        && created.allowDownload());
    }

    @Test
    void anEditorSharesAsEditorOrViewerOnlyAndAViewerNotAtAll() throws Exception {
        Account editor = colleague("editor");
        Account guest = colleague("guest");
        Account viewer = colleague("viewer");
        api.as(admin, post(shares), share(editor.id(), "EDITOR", false, false)).andExpect(status().isCreated());
        api.as(admin, post(shares), share(viewer.id(), "VIEWER", false, false)).andExpect(status().isCreated());

        api.as(editor, post(shares), share(guest.id(), "EDITOR", false, false)).andExpect(status().isCreated());
        problem(api.as(editor, post(shares), share(guest.id(), "BRAND_ADMIN", false, false)), 422);
        problem(api.as(viewer, post(shares), share(guest.id(), "VIEWER", false, false)), 403);
        // A viewer may not share at all, not even a weaker share.
        Account plain = colleague("plain");
        problem(api.as(viewer, post(shares), share(plain.id(), "VIEWER", true, false)), 403);
    }

    @Test
    void aShareByEmailIsAnInvitationGrantedOnAcceptanceAndRemovable() throws Exception {
        String username = "guest-" + UUID.randomUUID().toString().substring(0, 8);
        UUID guest = registration.register(username, "indigo warp over grey weft", null, username + "@Example.test");
        Account guestAccount = new Account(guest, username, false);

        String answer = api.as(
                        admin,
                        post(shares),
                        "{\"email\": \"" + username.toUpperCase() + "@example.test\", \"role\": \"VIEWER\","
                                + " \"allowDownload\": true}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.userId").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).doesNotContain(guest.toString()).doesNotContain("\"" + username + "\"");
        problem(api.as(guestAccount, get("/api/v1/workrooms/" + tree[4]), null), 404);
        api.as(admin, post(shares), "{\"email\": \"nobody-" + username + "@example.test\", \"role\": \"VIEWER\"}")
                .andExpect(status().isAccepted());
        problem(api.as(admin, post(shares), "{\"email\": \"not an address\", \"role\": \"VIEWER\"}"), 422);
        problem(api.as(admin, post(shares), "{\"role\": \"VIEWER\"}"), 422);

        String token =
                mailbox.awaitLast(username + "@example.test", "invited", 1).secretOf("/invitations/");
        api.as(guestAccount, post("/api/v1/invitations/" + token + "/accept"), null)
                .andExpect(status().isCreated());
        api.as(admin, get(shares), null)
                .andExpect(jsonPath("$.items[?(@.userId == '" + guest + "')].allowDownload")
                        .value(org.hamcrest.Matchers.contains(true)));

        api.as(admin, delete(shares + "/" + guest), null).andExpect(status().isNoContent());
        problem(api.as(admin, delete(shares + "/" + guest), null), 404);
        problem(api.as(guestAccount, get("/api/v1/workrooms/" + tree[4]), null), 404);
        assertThat(events.stream(ShareRemoved.class))
                .anyMatch(removed ->
                        removed.accountId().equals(guest) && removed.removedBy().equals(admin.id()));
    }

    @Test
    void anotherGroupsAdminCannotShareOrSeeShares() throws Exception {
        Account stranger = api.customers().aCustomer("stranger");
        api.tree(stranger, "Loup");
        problem(api.as(stranger, post(shares), share(stranger.id(), "EDITOR", false, false)), 404);
        problem(api.as(stranger, get(shares), null), 404);
        problem(api.as(stranger, delete(shares + "/" + admin.id()), null), 404);
    }

    @Test
    void aStyleIsSharedWithOnePersonWhoSeesThatStyleAndNotItsWorkroom() throws Exception {
        String style = aStyle();
        String styleShares = "/api/v1/styles/" + style + "/shares";
        Account editor = colleague("editor");
        Account guest = colleague("guest");

        api.as(admin, post(styleShares), share(editor.id(), "EDITOR", false, false))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", styleShares + "/" + editor.id()))
                .andExpect(jsonPath("$.nodeId").value(style))
                .andExpect(jsonPath("$.role").value("EDITOR"));
        api.as(editor, post(styleShares), share(guest.id(), "VIEWER", true, false))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sharedBy").value(editor.id().toString()));
        // Nobody shares stronger than their own role on the style.
        problem(api.as(editor, post(styleShares), share(guest.id(), "BRAND_ADMIN", false, false)), 422);
        problem(api.as(guest, post(styleShares), share(colleague("plain").id(), "VIEWER", false, false)), 403);

        api.as(guest, get("/api/v1/styles/" + style), null).andExpect(status().isOk());
        problem(api.as(guest, get("/api/v1/workrooms/" + tree[4]), null), 404);
        api.as(editor, get(styleShares), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
        assertThat(events.stream(ShareCreated.class))
                .anyMatch(created -> created.nodeId().toString().equals(style)
                        && created.accountId().equals(guest.id())
                        && created.sharedBy().equals(editor.id()));

        api.as(editor, delete(styleShares + "/" + guest.id()), null).andExpect(status().isNoContent());
        problem(api.as(guest, get("/api/v1/styles/" + style), null), 404);
        assertThat(events.stream(ShareRemoved.class))
                .anyMatch(removed -> removed.nodeId().toString().equals(style)
                        && removed.accountId().equals(guest.id())
                        && removed.removedBy().equals(editor.id()));
        problem(api.as(api.customers().aCustomer("stranger"), get(styleShares), null), 404);
    }

    @Test
    void sharesArePagedWithAnOpaqueCursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.as(admin, post(shares), share(colleague("guest").id(), "VIEWER", false, false))
                    .andExpect(status().isCreated());
        }
        String first = api.as(admin, get(shares + "?limit=2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String next = JsonPath.read(first, "$.nextCursor");
        api.as(admin, get(shares + "?limit=2&cursor=" + next), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].userId")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.in(
                                JsonPath.<java.util.List<String>>read(first, "$.items[*].userId")))))
                .andExpect(jsonPath("$.nextCursor").value(org.hamcrest.Matchers.nullValue()));
        problem(api.as(admin, get(shares + "?cursor=%00%ff"), null), 400);
        problem(api.as(admin, get(shares + "?limit=0"), null), 400);
    }

    @Test
    void anAccountAnotherGroupManagesJoinsAWorkroomOrStyleOnlyByAcceptingTheInvitation() throws Exception {
        Account theirAdmin = api.customers().aCustomer("their-admin");
        String[] theirs = api.tree(theirAdmin, "Loup");
        String theirDomain = api.aVerifiedDomain(theirAdmin, theirs[0], "loup");
        Account weaver = api.aCustomerAt("weaver", "fixture " + UUID.randomUUID(), theirDomain);
        String style = aStyle();
        String styleShares = "/api/v1/styles/" + style + "/shares";

        for (String path : new String[] {shares, styleShares}) {
            String answer = api.as(admin, post(path), share(weaver.id(), "EDITOR", true, false))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.status").value("INVITED"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(answer).doesNotContain(weaver.id().toString()).doesNotContain(weaver.username());
            // An id nobody has is answered the same way.
            api.as(admin, post(path), share(UUID.randomUUID(), "EDITOR", true, false))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.status").value("INVITED"));
            api.as(admin, get(path), null)
                    .andExpect(jsonPath("$.items.length()").value(0));
        }
        problem(api.as(weaver, get("/api/v1/workrooms/" + tree[4]), null), 404);
        problem(api.as(weaver, get("/api/v1/styles/" + style), null), 404);
        assertThat(events.stream(ShareCreated.class))
                .noneMatch(created -> created.accountId().equals(weaver.id()));

        // Its consent: it accepts the style's invitation, and holds that share and nothing more.
        // The two mails may be written within the same millisecond: pick the style's by what it says.
        String token = mailbox.awaitMail(weaver.username() + "@" + theirDomain, "invited", 2).stream()
                .filter(mail -> mail.text().contains(" of a style."))
                .findFirst()
                .orElseThrow()
                .secretOf("/invitations/");
        api.as(weaver, post("/api/v1/invitations/" + token + "/accept"), null).andExpect(status().isCreated());
        api.as(weaver, get("/api/v1/styles/" + style), null).andExpect(status().isOk());
        problem(api.as(weaver, get("/api/v1/workrooms/" + tree[4]), null), 404);
    }

    /** An account the admin's group manages (its address in the group's verified domain). */
    private Account colleague(String name) {
        return api.aCustomerAt(name, "fixture " + UUID.randomUUID(), domain);
    }

    private String aStyle() throws Exception {
        return ApiCalls.created(
                api.as(admin, post("/api/v1/workrooms/" + tree[4] + "/styles"), "{\"name\": \"Coat\"}"));
    }

    private static String share(UUID user, String role, boolean download, boolean upload) {
        return "{\"userId\": \"" + user + "\", \"role\": \"" + role + "\", \"allowDownload\": " + download
                + ", \"allowUpload\": " + upload + "}";
    }
}
