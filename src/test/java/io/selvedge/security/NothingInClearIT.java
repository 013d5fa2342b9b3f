package io.selvedge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.collab.Approvals;
import io.selvedge.collab.Comments;
import io.selvedge.collab.Pin;
import io.selvedge.collab.ShareLinks;
import io.selvedge.content.Style;
import io.selvedge.content.StyleChange;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.content.Uploads;
import io.selvedge.content.Version;
import io.selvedge.content.Versions;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.testing.AtRest;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The standing promise of the security page: nothing a customer puts in rests in clear. A marker goes
 * into everything that exists (file contents, e-mail addresses, mail subjects and bodies, group and node names and their creators, TOTP secrets and recovery codes, style names, descriptions and tags, version files and names, thumbnails and resumable-upload parts, comments and their pins, approval notes, share-link passwords and tokens; later issues
 * add names, descriptions, comments, tags and IdP settings here as they land), then every file under
 * the data directory and every value of every table of every store is searched for it.
 */
@SelvedgeIntegrationTest
class NothingInClearIT {

    final String marker = "SELVEDGE-MARKER-" + UUID.randomUUID();

    @Autowired
    PlatformProperties platform;

    @Autowired
    Stores stores;

    @Autowired
    GroupResidency residency;

    @Autowired
    GroupKeys keys;

    @Autowired
    GroupFiles files;

    @Autowired
    Outbox outbox;

    @Autowired
    Groups groups;

    @Autowired
    Tree tree;

    @Test
    void noMarkerRestsInClearInAnyFileOrTable() throws Exception {
        UUID group = anEuGroupWithKeys();
        aFileHolding(group, ("a garment whose pattern is " + marker + "\n").repeat(1000));
        UUID workroom = aTreeNamed(marker);
        aStyleWithVersionsIn(workroom);
        String linkToken = aCollaborationHolding(marker, workroom);
        outbox.enqueue(new OutgoingMail(
                marker.toLowerCase() + "@example.test", "About " + marker, "Body " + marker, "<p>" + marker + "</p>"));

        AtRest.flushEmbeddedStores(stores);

        assertThat(AtRest.filesContaining(platform.dataDir(), marker, NothingInClearIT::developmentMailCopy))
                .isEmpty();
        assertThat(AtRest.filesContaining(
                        platform.dataDir(), marker.toLowerCase(), NothingInClearIT::developmentMailCopy))
                .isEmpty();
        assertThat(AtRest.valuesContaining(stores, marker)).isEmpty();
        assertThat(AtRest.valuesContaining(stores, marker.toLowerCase())).isEmpty();
        assertThat(AtRest.valuesContaining(stores, linkToken)).isEmpty();
    }

    @Autowired
    Comments comments;

    @Autowired
    Approvals approvals;

    @Autowired
    ShareLinks links;

    /**
     * A style, a pinned comment, an approval note and a password-protected share link, each holding the
     * marker; returns the link's token, which must rest nowhere either (only its hash does).
     */
    private String aCollaborationHolding(String text, UUID workroom) {
        UUID actor = UUID.randomUUID();
        UUID style = styles.create(workroom, "Style " + text, "About " + text, List.of("collab"), actor)
                .id();
        UUID comment = comments.post(style, "Comment " + text, null, new Pin(1.25, 2.5, 3.75), actor)
                .id();
        comments.change(comment, "Edited " + text, true, actor);
        approvals.record(style, StyleStatus.APPROVED, "Note " + text, actor);
        return links.create(style, "style", Instant.now().plusSeconds(3600), "Password " + text, true, actor)
                .token();
    }

    @Autowired
    TotpEnrolment totp;

    @Autowired
    JdbcTemplate globalStore;

    /** The TOTP secret and the recovery codes of an account are secrets too: none rests in clear. */
    @Test
    void noTotpSecretOrRecoveryCodeRestsInClear() throws Exception {
        UUID account = UUID.randomUUID();
        globalStore.update(
                "insert into account (id, username, status, created_at) values (?, ?, 'ACTIVE', ?)",
                account,
                "clear-" + account.toString().substring(0, 8),
                java.sql.Timestamp.from(Instant.now()));
        String secret = totp.start(account).secret();
        List<String> secrets = new ArrayList<>(
                totp.confirm(account, OneTimeCodes.codeAt(secret, OneTimeCodes.stepAt(Instant.now())), "127.0.0.1"));
        secrets.addAll(secrets.stream().map(code -> code.replace("-", "")).toList());
        secrets.add(secret);

        AtRest.flushEmbeddedStores(stores);

        for (String inClear : secrets) {
            assertThat(AtRest.filesContaining(platform.dataDir(), inClear, NothingInClearIT::developmentMailCopy))
                    .as("files")
                    .isEmpty();
            assertThat(AtRest.valuesContaining(stores, inClear)).as("tables").isEmpty();
        }
    }

    @Test
    void theScanFindsWhatIsInClear() throws Exception {
        JdbcTemplate eu = new JdbcTemplate(stores.region("eu").dataSource());
        eu.execute("create table scan_canary (note varchar(200))");
        try {
            eu.update("insert into scan_canary (note) values (?)", "in clear: " + marker);
            AtRest.flushEmbeddedStores(stores);

            assertThat(AtRest.valuesContaining(stores, marker)).containsExactly("region-eu:scan_canary.note");
            if (TestDatabase.isPostgresql()) {
                return; // PostgreSQL's files are the server's; its tables were scanned above
            }
            assertThat(AtRest.filesContaining(platform.dataDir(), marker, path -> false))
                    .singleElement()
                    .satisfies(file ->
                            assertThat(file.toString()).contains("regions/eu").endsWith(".mv.db"));
        } finally {
            eu.execute("drop table scan_canary");
        }
    }

    private UUID anEuGroupWithKeys() {
        UUID group = UUID.randomUUID();
        residency.register(group, "eu");
        keys.create(group);
        return group;
    }

    /** Every level of a group's tree, each name and the creator holding the marker; returns the workroom. */
    private UUID aTreeNamed(String name) {
        String creator = marker.toLowerCase();
        UUID parent = groups.create("Group " + name, "eu", UUID.randomUUID()).id();
        for (NodeKind kind : NodeKind.values()) {
            parent = tree.create(kind, parent, kind + " " + name, creator).id();
        }
        tree.rename(NodeKind.WORKROOM, parent, "Renamed " + name);
        return parent;
    }

    @Autowired
    Styles styles;

    @Autowired
    Versions versions;

    @Autowired
    Uploads uploads;

    /**
     * A style whose name, description and tags hold the marker; a version whose file name and content
     * hold it, with a thumbnail that does; an unfinished resumable upload whose name and stored part do.
     */
    private void aStyleWithVersionsIn(UUID workroom) throws Exception {
        UUID actor = UUID.randomUUID();
        Style style =
                styles.create(workroom, "Style " + marker, "About " + marker, List.of("tag " + marker, marker), actor);
        styles.change(style.id(), new StyleChange(null, "Changed " + marker, List.of(marker + " again"), null), actor);
        byte[] content =
                ("a garment whose pattern is " + marker + "\n").repeat(50_000).getBytes(StandardCharsets.UTF_8);
        Version version = versions.upload(
                style.id(), marker + ".zprj", null, content.length, new ByteArrayInputStream(content), actor);
        byte[] png = ("\u0089PNG\r\n\u001a\n" + marker).getBytes(StandardCharsets.ISO_8859_1);
        versions.setThumbnail(version.id(), new ByteArrayInputStream(png), png.length, actor);
        Uploads.Upload upload = uploads.create(style.id(), content.length * 2L, "tus " + marker + ".glb", null, actor);
        uploads.append(upload.id(), 0, new ByteArrayInputStream(content), actor);
        styles.favour(style.id(), actor);
    }

    private void aFileHolding(UUID group, String content) throws Exception {
        files.write(group, "marker-file", new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean developmentMailCopy(Path file) {
        return file.getFileName().toString().endsWith(".eml");
    }
}
