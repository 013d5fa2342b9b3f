package io.selvedge.security;

import static io.selvedge.testing.ApiCalls.created;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.content.Uploads;
import io.selvedge.crypto.EncryptedColumns;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryptionJobs;
import io.selvedge.crypto.internal.OldKeys;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditActor;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ApiCalls;
import io.selvedge.testing.Customers;
import io.selvedge.testing.KeyRotations;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestDns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Walks every table whose encrypted columns a module declares (each {@link EncryptedColumns} bean of the
 * application): real data written through the API fills each column, each stored value is Base64
 * ciphertext that holds nothing of what was written and decrypts to it, and after the group's keys rotate
 * each value is rewritten and still reads once the old keys are destroyed. A table declared without a
 * fixture here fails the test, so a new declaration cannot go unchecked. ({@link NothingInClearIT}
 * searches every value of every store for a marker; this test checks the declarations column by column.)
 */
@SelvedgeIntegrationTest
class EveryEncryptedColumnIT {

    final String marker = "mk" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    WebApplicationContext context;

    @Autowired
    List<ReEncryptable> participants;

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

    @Autowired
    Alerts alerts;

    MockMvc mvc;
    Customers.Account admin;

    @Test
    void everyDeclaredEncryptedColumnHoldsCiphertextOnlyAndReEncryptsAfterARotation() throws Exception {
        admin = api.customers().aCustomer("admin");
        mvc = api.mvc();
        Map<String, List<String>> declared = new TreeMap<>();
        participants.stream()
                .filter(EncryptedColumns.class::isInstance)
                .map(EncryptedColumns.class::cast)
                .forEach(table -> declared.put(table.table(), table.columns()));
        assertThat(declared).as("declared tables").isNotEmpty();

        UUID group = aGroupWithOneRowInEveryTable();
        Map<String, String> written = writtenPlaintexts();
        Set<String> unfilled = new TreeSet<>();
        declared.forEach((table, columns) -> columns.forEach(column -> {
            if (!written.containsKey(table + "." + column)) {
                unfilled.add(table + "." + column);
            }
        }));
        assertThat(unfilled)
                .as("declared encrypted columns this test writes nothing to (add a fixture for them)")
                .isEmpty();

        Map<String, String> before = stored(group, declared);
        assertThat(before.keySet().stream()
                        .map(EveryEncryptedColumnIT::cellName)
                        .collect(Collectors.toSet()))
                .as("every declared column holds a value")
                .isEqualTo(declaredCells(declared));
        before.forEach((cell, ciphertext) -> assertCiphertextOf(group, cell, ciphertext, written.get(cellName(cell))));

        UUID job = keys.rotate(group, AuditActor.system());
        awaitFinished(group, job);
        OldKeys.destroy(context, group);

        Map<String, String> after = stored(group, declared);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((cell, ciphertext) -> {
            assertThat(ciphertext).as(cell + " re-encrypted").isNotEqualTo(before.get(cell));
            assertCiphertextOf(group, cell, ciphertext, written.get(cellName(cell)));
        });
    }

    /** The plaintext written to each {@code table.column}, as the decrypted value must contain it. */
    private Map<String, String> writtenPlaintexts() throws Exception {
        Map<String, String> written = new LinkedHashMap<>();
        written.put("content_style.name", "Field jacket " + marker);
        written.put("content_style.description", "Waxed " + marker);
        written.put("content_style.tags", marker);
        written.put("content_version.filename", marker + ".zprj");
        written.put(
                "content_version.sha256",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file())));
        written.put("content_upload.filename", marker + ".glb");
        written.put("content_colorway.name", "Ecru_" + marker);
        written.put("content_colorway.swatch", "#e8dcc2");
        // Named after the OBJ version below and the colorway above, which it shows (no colorway of its own).
        written.put("content_version_material.filename", marker + ".zprj_Ecru_" + marker + ".mtl");
        written.put("content_version_material.content", "newmtl Jersey " + marker);
        written.put("collab_comment.body", "Lower " + marker);
        written.put("collab_comment.pin", "0.25");
        written.put("collab_approval.note", "Hem " + marker);
        written.put("content_stage.name", "Wash test " + marker);
        written.put("access_invitation.email", marker + "@example.test");
        written.put("sso_connection.settings", "SSO " + marker);
        written.put("sso_connection.secret", "secret-" + marker);
        written.put("scim_token.name", "Okta " + marker);
        written.put("scim_user.external_id", marker + "-user");
        written.put("scim_user.given_name", "Ada " + marker);
        written.put("scim_user.family_name", "Weaver " + marker);
        written.put("scim_group.display_name", "Designers " + marker);
        written.put("scim_group.external_id", marker + "-group");
        written.put("monitoring_contact_channel.target", "https://events.example.test/" + marker);
        written.put("monitoring_contact_channel.secret", "routingkey0000" + marker);
        written.put("monitoring_alert.dedup_key", "spraying:" + marker);
        written.put("monitoring_alert.summary", "Spraying from " + marker);
        written.put("monitoring_alert.details", marker + "-address");
        return written;
    }

    private byte[] file() {
        return ("the jacket of " + marker).getBytes(StandardCharsets.UTF_8);
    }

    private UUID aGroupWithOneRowInEveryTable() throws Exception {
        Map<String, String> w = writtenPlaintexts();
        ApiCalls.Tree tree = api.aTree(admin, "eu");
        UUID group = UUID.fromString(tree.group());
        String workroom = tree.workroom();
        String style = created(api.as(
                admin,
                post("/api/v1/workrooms/" + workroom + "/styles"),
                "{\"name\": \"" + w.get("content_style.name") + "\", \"description\": \""
                        + w.get("content_style.description") + "\", \"tags\": [\"" + marker + "\"]}"));
        String version = created(api.asBytes(
                admin,
                post("/api/v1/styles/" + style + "/versions?filename=" + w.get("content_version.filename")),
                file()));
        api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/colorways"),
                        "{\"name\": \"" + w.get("content_colorway.name") + "\", \"swatch\": \""
                                + w.get("content_colorway.swatch") + "\"}")
                .andExpect(status().isCreated());
        // The same bytes as an OBJ (the version's columns then hold the same plaintexts), with a material file.
        String obj = created(api.asBytes(
                admin,
                post("/api/v1/styles/" + style + "/versions?filename=" + w.get("content_version.filename") + ".obj"),
                file()));
        api.asBytes(
                        admin,
                        post("/api/v1/versions/" + obj + "/materials?filename="
                                + w.get("content_version_material.filename")),
                        (w.get("content_version_material.content") + "\nKd 0.9 0.86 0.76\n")
                                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isCreated());
        Uploads.Upload upload =
                uploads.create(UUID.fromString(style), 8, w.get("content_upload.filename"), null, admin.id());
        uploads.append(upload.id(), 0, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), admin.id());
        api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/comments"),
                        "{\"body\": \"" + w.get("collab_comment.body") + "\", \"versionId\": \"" + version
                                + "\", \"pin\": {\"x\": 0.25, \"y\": 1.5, \"z\": -0.125}}")
                .andExpect(status().isCreated());
        api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/stages"),
                        "{\"stages\": [{\"id\": \"in-development\", \"name\": \"" + w.get("content_stage.name")
                                + "\", \"colour\": \"#123456\", \"roles\": [\"EDITOR\"]}]}")
                .andExpect(status().isOk());
        api.as(
                        admin,
                        post("/api/v1/styles/" + style + "/approval"),
                        "{\"status\": \"REJECTED\", \"note\": \"" + w.get("collab_approval.note") + "\"}")
                .andExpect(status().isCreated());
        api.as(
                        admin,
                        post("/api/v1/groups/" + group + "/invitations"),
                        "{\"email\": \"" + w.get("access_invitation.email") + "\", \"role\": \"VIEWER\", \"nodeId\": \""
                                + workroom + "\"}")
                .andExpect(status().isCreated());
        aDirectory(group, w);
        api.as(
                        admin,
                        put("/api/v1/groups/" + group + "/alert-contacts"),
                        "{\"minSeverity\": \"INFO\", \"channels\": [{\"kind\": \"PAGERDUTY\", \"name\": \"On call\","
                                + " \"target\": \"" + w.get("monitoring_contact_channel.target")
                                + "\", \"routingKey\": \""
                                + w.get("monitoring_contact_channel.secret") + "\"}]}")
                .andExpect(status().isOk());
        alerts.raise(new AlertSignal(
                "password-spraying",
                AlertSeverity.WARNING,
                AlertCategory.SECURITY,
                group,
                w.get("monitoring_alert.dedup_key"),
                w.get("monitoring_alert.summary"),
                Map.of("address", w.get("monitoring_alert.details"))));
        return group;
    }

    /** A verified domain, an SSO connection, and a SCIM token, user and group of the group's directory. */
    private void aDirectory(UUID group, Map<String, String> w) throws Exception {
        String domain = marker + ".example";
        String claim = api.as(admin, post("/api/v1/groups/" + group + "/domains"), "{\"domain\": \"" + domain + "\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        TestDns.publish("_selvedge-verification." + domain, (String) JsonPath.read(claim, "$.txtValue"));
        api.as(admin, post("/api/v1/groups/" + group + "/domains/" + domain + "/verify"), null)
                .andExpect(status().isOk());
        api.as(
                        admin,
                        post("/api/v1/groups/" + group + "/identity-providers"),
                        "{\"type\": \"oidc\", \"name\": \"" + w.get("sso_connection.settings") + "\", \"issuer\":"
                                + " \"https://idp.example\", \"clientId\": \"selvedge\", \"clientSecret\": \""
                                + w.get("sso_connection.secret") + "\", \"domains\": [\"" + domain + "\"],"
                                + " \"trustIdpMfa\": false, \"roleMappings\": []}")
                .andExpect(status().isCreated());
        String token = JsonPath.read(
                api.as(
                                admin,
                                post("/api/v1/groups/" + group + "/scim-tokens"),
                                "{\"name\": \"" + w.get("scim_token.name") + "\"}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        MediaType scim = MediaType.parseMediaType("application/scim+json");
        mvc.perform(post("/scim/v2/Users")
                        .header("Authorization", "Bearer " + token)
                        .contentType(scim)
                        .content("{\"userName\": \"ada@" + domain + "\", \"externalId\": \""
                                + w.get("scim_user.external_id") + "\", \"name\": {\"givenName\": \""
                                + w.get("scim_user.given_name") + "\", \"familyName\": \""
                                + w.get("scim_user.family_name") + "\"}}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/scim/v2/Groups")
                        .header("Authorization", "Bearer " + token)
                        .contentType(scim)
                        .content("{\"displayName\": \"" + w.get("scim_group.display_name") + "\", \"externalId\": \""
                                + w.get("scim_group.external_id") + "\"}"))
                .andExpect(status().isCreated());
    }

    /** Base64 of a ciphertext that holds nothing of the plaintext, and decrypts (bound to its place) to it. */
    private void assertCiphertextOf(UUID group, String cell, String stored, String plaintext) {
        String[] place = cell.split("[.#]");
        assertThat(Base64.getDecoder().decode(stored)).as(cell + " is Base64").isNotEmpty();
        assertThat(stored)
                .as(cell + " holds no plaintext")
                .doesNotContain(plaintext)
                .doesNotContain(marker);
        assertThat(ciphers.of(group).decryptText(stored, place[0], place[1], place[2]))
                .as(cell + " decrypts to what was written")
                .contains(plaintext);
    }

    /**
     * Narrows a table to the rows this test wrote where the application adds rows of its own: the detections
     * raise alerts for the group the fixtures set up (a group admin granted is a privilege change).
     */
    private static String onlyTheFixtures(String table) {
        return "monitoring_alert".equals(table) ? " and detection = 'password-spraying'" : "";
    }

    /** Every declared column's stored value for the group, by {@code table.column#rowId}. */
    private Map<String, String> stored(UUID group, Map<String, List<String>> declared) {
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        Map<String, String> found = new TreeMap<>();
        declared.forEach((table, columns) -> {
            for (String column : columns) {
                // Names from the application's own declarations, never from input.
                eu.query(
                        "select id, " + column + " from " + table + " where group_id = ?" + onlyTheFixtures(table),
                        (row, n) -> {
                            String text = row.getString(2);
                            if (text != null) {
                                found.put(table + "." + column + "#" + row.getObject(1, UUID.class), text);
                            }
                            return null;
                        },
                        group);
            }
        });
        return found;
    }

    private static Set<String> declaredCells(Map<String, List<String>> declared) {
        Set<String> cells = new TreeSet<>();
        declared.forEach((table, columns) -> columns.forEach(column -> cells.add(table + "." + column)));
        return cells;
    }

    private static String cellName(String cell) {
        return cell.substring(0, cell.indexOf('#'));
    }

    private void awaitFinished(UUID group, UUID job) {
        KeyRotations.awaitFinished(jobs, group, job);
    }
}
