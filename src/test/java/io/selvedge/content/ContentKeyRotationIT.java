package io.selvedge.content;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.ReEncryptionProgress;
import io.selvedge.crypto.internal.OldKeys;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.KeyRotations;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * After a group's keys rotate, every encrypted column of content and collab (style names, descriptions,
 * tags; version file names and hashes; upload file names; comment bodies and pins; approval notes) and of
 * invitations is rewritten under the new key; once the old keys are destroyed, everything still reads:
 * through the API, the link page, and an upload that resumes.
 */
@SelvedgeIntegrationTest
class ContentKeyRotationIT {

    /** Each encrypted column, with the table it lives in. */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("content_style", List.of("name", "description", "tags"));
        COLUMNS.put("content_version", List.of("filename", "sha256"));
        COLUMNS.put("content_upload", List.of("filename"));
        COLUMNS.put("collab_comment", List.of("body", "pin"));
        COLUMNS.put("collab_approval", List.of("note"));
        COLUMNS.put("access_invitation", List.of("email"));
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    Stores stores;

    @Autowired
    GroupKeys keys;

    @Autowired
    ReEncryptionJobs jobs;

    @Autowired
    FieldCiphers ciphers;

    @Autowired
    Uploads uploads;

    @Autowired
    ApiCalls api;

    MockMvc mvc;
    Customers.Account admin;

    @BeforeEach
    void mvc() {
        admin = api.customers().aCustomer("admin");
        mvc = api.mvc();
    }

    @Test
    void everyContentColumnIsRewrittenAndReadsAfterTheOldKeysAreDestroyed() throws Exception {
        ApiCalls.Tree tree = api.aTree(admin, "eu");
        UUID group = UUID.fromString(tree.group());
        String workroom = tree.workroom();
        String style = created(api.as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"Field jacket\", \"description\": \"Waxed cotton\", \"tags\": [\"outerwear\"]}"));
        byte[] file = "the jacket, in CLO".getBytes(StandardCharsets.UTF_8);
        String version =
                created(api.asBytes(admin, post("/api/v1/styles/" + style + "/versions?filename=jacket.zprj"), file));
        Uploads.Upload upload = uploads.create(UUID.fromString(style), 8, "draft.glb", null, admin.id());
        uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), admin.id());
        api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"Lower the pocket\", \"versionId\": \"" + version
                                + "\", \"pin\": {\"x\": 0.25, \"y\": 1.5, \"z\": -0.125}}")
                .andExpect(status().isCreated());
        api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/approval"),
                        "{\"status\": \"REJECTED\", \"note\": \"Hem uneven\"}")
                .andExpect(status().isCreated());
        String link = java.net
                .URI
                .create(JsonPath.read(
                        api.as(
                                        admin,
                                        post("/api/v1/styles/" + style + "/links"),
                                        "{\"expiresAt\": \"" + Instant.now().plus(1, ChronoUnit.DAYS)
                                                + "\", \"allowDownload\": false}")
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.url"))
                .getPath();
        api.as(
                        admin,
                        post("/api/v1/groups/" + group + "/invitations"),
                        "{\"email\": \"rotation." + UUID.randomUUID().toString().substring(0, 8)
                                + "@example.test\", \"role\": \"VIEWER\", \"nodeId\": \"" + workroom + "\"}")
                .andExpect(status().isCreated());
        Map<String, String> before = stored(group);
        assertThat(before).hasSize(10); // one of each column: the test covers every one

        UUID job = keys.rotate(group, AuditActor.system());
        awaitFinished(group, job);

        Map<String, String> after = stored(group);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach(
                (column, ciphertext) -> assertThat(after.get(column)).as(column).isNotEqualTo(ciphertext));

        OldKeys.destroy(context, group);

        // What was under the old key no longer reads: the old keys are gone indeed.
        String oldName = before.get("content_style.name");
        String styleRow = rowIdOf(group, "content_style");
        assertThatThrownBy(() -> ciphers.of(group).decryptText(oldName, "content_style", "name", styleRow))
                .isInstanceOf(CiphertextTamperedException.class);

        api.as(admin, get("/api/v1/styles/" + style), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Field jacket"))
                .andExpect(jsonPath("$.description").value("Waxed cotton"))
                .andExpect(jsonPath("$.tags[0]").value("outerwear"));
        api.as(admin, get("/api/v1/workrooms/" + workroom + "/styles?tag=outerwear"), null)
                .andExpect(jsonPath("$.items[0].name").value("Field jacket"));
        api.as(admin, get("/api/v1/styles/" + style + "/versions"), null)
                .andExpect(jsonPath("$.items[0].filename").value("jacket.zprj"));
        assertThat(api.as(admin, get("/api/v1/versions/" + version + "/content"), null)
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .isEqualTo(file);
        api.as(admin, get("/api/v1/styles/" + style + "/comments"), null)
                .andExpect(jsonPath("$.items[0].body").value("Lower the pocket"))
                .andExpect(jsonPath("$.items[0].pin.y").value(1.5));
        api.as(admin, get("/api/v1/styles/" + style + "/approvals"), null)
                .andExpect(jsonPath("$[0].note").value("Hem uneven"));
        api.as(admin, get("/api/v1/groups/" + group + "/invitations"), null)
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("@example.test")));
        mvc.perform(get(link))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Field jacket")));

        // The upload resumes: its name and its first part (a file under the old key, rewritten) read.
        Uploads.Upload done =
                uploads.append(upload.id(), 4, new ByteArrayInputStream(new byte[] {5, 6, 7, 8}), admin.id());
        assertThat(done.versionId()).isNotNull();
        api.as(admin, get("/api/v1/versions/" + done.versionId()), null)
                .andExpect(jsonPath("$.filename").value("draft.glb"));
        assertThat(api.as(admin, get("/api/v1/versions/" + done.versionId() + "/content"), null)
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    /** Every encrypted column's stored text for the group, by {@code table.column}; rows are one per table. */
    private Map<String, String> stored(UUID group) {
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        Map<String, String> found = new LinkedHashMap<>();
        COLUMNS.forEach((table, columns) -> {
            for (String column : columns) {
                // Names from the constant above, never from input.
                eu.queryForList("select " + column + " from " + table + " where group_id = ?", String.class, group)
                        .forEach(text -> {
                            if (text != null && found.put(table + "." + column, text) != null) {
                                throw new AssertionError("more than one row in " + table);
                            }
                        });
            }
        });
        return found;
    }

    private String rowIdOf(UUID group, String table) {
        return new JdbcTemplate(stores.region("eu").dataSource())
                .queryForObject("select id from " + table + " where group_id = ?", UUID.class, group)
                .toString();
    }

    private void awaitFinished(UUID group, UUID job) {
        assertThat(KeyRotations.awaitFinished(jobs, group, job))
                .extracting(ReEncryptionProgress::participant)
                .contains(
                        "content.styles",
                        "content.versions",
                        "content.uploads",
                        "collab.comments",
                        "collab.approvals",
                        "access.invitations",
                        "crypto.group-files");
    }
}
