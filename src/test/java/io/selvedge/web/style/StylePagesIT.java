package io.selvedge.web.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.access.Role;
import io.selvedge.collab.Comment;
import io.selvedge.collab.Comments;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The style page's handlers as each person meets them: who sees the page and the download links, a pinned
 * comment, who may approve, and the share link form's limits.
 */
@SelvedgeIntegrationTest
class StylePagesIT {

    @Autowired
    Comments comments;

    @Autowired
    Styles styles;

    @Autowired
    ApiCalls api;

    MockMvc mvc;
    Customers customers;
    Customers.Account admin;
    Customers.Account viewer;
    Customers.Account designer;
    String style;
    String version;

    @BeforeEach
    void aStyleSharedWithAViewer() throws Exception {
        mvc = api.mvc();
        customers = api.customers();
        admin = customers.aCustomer("owner");
        viewer = api.anInvitableCustomer("viewer");
        designer = api.anInvitableCustomer("designer");
        ApiCalls.Tree tree = api.aTree(admin, "eu");
        style = api.aStyle(admin, tree.workroom(), "Boxy tee");
        version = api.aVersion(
                admin, style, "tee.glb", "model/gltf-binary", Files.readAllBytes(Path.of("samples/tee.glb")));
        // Granted by id, so invited (it is nobody's member yet) and accepted (issue 15).
        api.grant(admin, tree.company(), designer, Role.COMPANY_ADMIN, false, false);
        // Shared by id, so invited too (issue 15) and accepted.
        api.share(admin, "workrooms", tree.workroom(), viewer, Role.VIEWER, false, false);
    }

    @Test
    void theShareDialogInvitesAnOutsiderByUsernameAndSaysTheSameForNobody() throws Exception {
        Customers.Account outsider = api.anInvitableCustomer("outsider");
        for (String person : List.of(outsider.username(), "nobody-" + UUID.randomUUID())) {
            mvc.perform(post("/styles/" + style + "/shares")
                            .with(signedIn(designer))
                            .with(csrf())
                            .param("person", person)
                            .param("role", "EDITOR"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("notice", "style.share.invitedAccount"));
        }
        // Not shared until the outsider accepts: the page is not found for it.
        page(outsider).andExpect(status().isNotFound());
        // The designer's own colleague, who holds a role in the group already, is shared with at once.
        mvc.perform(post("/styles/" + style + "/shares")
                        .with(signedIn(designer))
                        .with(csrf())
                        .param("person", viewer.username())
                        .param("role", "VIEWER"))
                .andExpect(flash().attribute("notice", "style.share.done"));
    }

    @Test
    void thePageShowsDownloadsOnlyToThoseWhoMayAndIsNotFoundForOthers() throws Exception {
        String forDesigner = page(designer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(forDesigner)
                .contains("Boxy tee", "tee.glb", "/api/v1/versions/" + version + "/content")
                .contains("/api/v1/versions/" + version + "/preview", "type=\"importmap\"", "id=\"link-dialog\"");

        String forViewer = page(viewer)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(forViewer)
                .contains("tee.glb", "/api/v1/versions/" + version + "/preview", "comment-form")
                .doesNotContain("/content\"", "class=\"approve\"", "id=\"link-dialog\"", "id=\"share-dialog\"");

        Customers.Account stranger = customers.aCustomer("stranger");
        page(stranger).andExpect(status().isNotFound());
        mvc.perform(get("/styles/" + style + "?version=" + UUID.randomUUID()).with(signedIn(designer)))
                .andExpect(status().isNotFound())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).contains("Not found"));
    }

    @Test
    void aViewerPinsACommentButNeitherApprovesNorEditsAnothersComment() throws Exception {
        String part = mvc.perform(post("/styles/" + style + "/comments")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .param("body", "Hem puckers")
                        .param("versionId", version)
                        .param("pinX", "0.1")
                        .param("pinY", "0.25")
                        .param("pinZ", "0.02"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(part).contains("Hem puckers", "data-pin-x=\"0.1\"", "highlighted");
        List<Comment> listed =
                comments.list(UUID.fromString(style), null, 10, null).items();
        assertThat(listed).singleElement().satisfies(comment -> {
            assertThat(comment.pin().z()).isEqualTo(0.02);
            assertThat(comment.versionId()).hasToString(version);
            assertThat(comment.authorId()).isEqualTo(viewer.id());
        });

        mvc.perform(post("/styles/" + style + "/comments")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .param("body", ""))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/styles/" + style + "/approval")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .param("status", "APPROVED"))
                .andExpect(status().isForbidden());

        UUID mine = comments.post(UUID.fromString(style), "Mine", null, null, admin.id())
                .id();
        mvc.perform(post("/comments/" + mine + "/edit")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .param("body", "Changed"))
                .andExpect(status().isForbidden());
        assertThat(comments.get(mine).body()).isEqualTo("Mine");
        mvc.perform(post("/comments/" + mine + "/resolve")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .param("resolved", "true"))
                .andExpect(status().isOk());
        assertThat(comments.get(mine).resolved()).isTrue();
    }

    @Test
    void aRejectionNeedsANoteAndAnApprovalIsRecorded() throws Exception {
        approve("REJECTED", "").andExpect(flash().attribute("problem", "style.approval.noteNeeded"));
        assertThat(styles.get(UUID.fromString(style)).status()).isEqualTo(StyleStatus.IN_REVIEW);
        approve("REJECTED", "Wrong collar")
                .andExpect(redirectedUrl("/styles/" + style))
                .andExpect(flash().attribute("notice", "style.approval.recorded.REJECTED"));
        assertThat(styles.get(UUID.fromString(style)).status()).isEqualTo(StyleStatus.REJECTED);
        approve("APPROVED", "");
        assertThat(styles.get(UUID.fromString(style)).status()).isEqualTo(StyleStatus.APPROVED);
    }

    @Test
    void aShareLinkNeedsAnExpiryWithinNinetyDays() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        link(null).andExpect(status().isUnprocessableContent());
        link(today.plusDays(91)).andExpect(status().isUnprocessableContent());
        String part = link(today.plusDays(90))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(part).containsPattern("/s/[A-Za-z0-9_-]{43}\"");
        mvc.perform(post("/styles/" + style + "/links")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .param("expires", today.plusDays(7).toString()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aDownloadLinkOffersTheDownloadToMembersOnlyAndTheModelToAll() throws Exception {
        String address = JsonPath.read(
                api(
                        post("/api/v1/styles/" + style + "/links"),
                        "{\"expiresAt\": \"" + java.time.Instant.now().plusSeconds(86_400)
                                + "\", \"allowDownload\": true}"),
                "$.url");
        String path = java.net.URI.create(address).getPath();
        String signedOut = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(signedOut)
                .contains("data-viewer", path + "/versions/" + version + "/preview")
                .doesNotContain("/content\"");
        String member = mvc.perform(get(path).with(signedIn(designer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(member).contains(path + "/versions/" + version + "/content\"");
    }

    private ResultActions link(LocalDate expires) throws Exception {
        MockHttpServletRequestBuilder request =
                post("/styles/" + style + "/links").with(signedIn(designer)).with(csrf());
        if (expires != null) {
            request.param("expires", expires.toString());
        }
        return mvc.perform(request.param("password", "").param("allowDownload", "false"));
    }

    private ResultActions approve(String status, String note) throws Exception {
        return mvc.perform(post("/styles/" + style + "/approval")
                        .with(signedIn(designer))
                        .with(csrf())
                        .param("status", status)
                        .param("note", note))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void theColorwayFormsSayWhatBecameOfEachChange() throws Exception {
        colorwayForm("/colorways", "Ecru", "#e8dcc2").andExpect(flash().attribute("notice", "style.colorways.created"));
        colorwayForm("/colorways", " ecru ", "#112233")
                .andExpect(flash().attribute("problem", "style.colorways.taken"));
        colorwayForm("/colorways", "Rust", "rust").andExpect(flash().attribute("problem", "style.colorways.invalid"));
        String ecru = JsonPath.read(
                mvc.perform(get("/api/v1/styles/" + style + "/colorways").with(admin.caller()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");

        colorwayForm("/colorways/" + ecru + "/edit", "Oat", "")
                .andExpect(flash().attribute("notice", "style.colorways.changed"));
        colorwayForm("/colorways/" + ecru + "/edit", "", "not a colour")
                .andExpect(flash().attribute("problem", "style.colorways.invalid"));
        mvc.perform(get("/api/v1/styles/" + style + "/colorways/" + ecru).with(admin.caller()))
                .andExpect(jsonPath("$.name").value("Oat"))
                .andExpect(jsonPath("$.swatch").value("#e8dcc2"));
    }

    private ResultActions colorwayForm(String path, String name, String swatch) throws Exception {
        return mvc.perform(post("/styles/" + style + path)
                        .with(signedIn(designer))
                        .with(csrf())
                        .param("name", name)
                        .param("swatch", swatch))
                .andExpect(status().is3xxRedirection());
    }

    /** A web session past its sign-in steps (a password; these accounts need no second factor). */
    private static RequestPostProcessor signedIn(Customers.Account account) {
        return user(account.username())
                .authorities(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }

    private ResultActions page(Customers.Account account) throws Exception {
        return mvc.perform(get("/styles/" + style).with(signedIn(account)));
    }

    private String api(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.with(admin.caller())
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(
                        result -> assertThat(result.getResponse().getStatus()).isBetween(200, 201))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
