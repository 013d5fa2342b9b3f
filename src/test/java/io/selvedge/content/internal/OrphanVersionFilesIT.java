package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.Style;
import io.selvedge.content.Version;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.testing.ContentServices;
import io.selvedge.testing.MovableClock;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A version file a crash left without its row (stored, never recorded) is deleted by the purge once it
 * has stayed orphaned longer than the safe age; a fresh orphan (an upload may be about to record it) and a
 * recorded version's file stay. The sweeper runs on the real blob store and database, with a clock the
 * test moves.
 */
@SelvedgeIntegrationTest
class OrphanVersionFilesIT extends ContentServices {

    static final Duration AGE = Duration.ofHours(24);

    @Autowired
    GroupFiles files;

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    ContentProperties properties;

    final UUID actor = UUID.randomUUID();

    @Test
    void anOrphanOlderThanTheAgeGoesAFreshOneAndARecordedOneStay() throws Exception {
        Style style = aStyle();
        UUID group = style.groupId();
        GroupDataPlane plane = planes.of(group);
        Version version = versions.upload(style.id(), "coat.zprj", null, 4, body("coat"), actor);
        String recorded = StyleFiles.versionFile(version.id());
        String old = crashedUpload(group);
        MovableClock clock = new MovableClock();
        OrphanVersionFiles sweeper =
                new OrphanVersionFiles(files, new VersionRepository(), new OrphanFileRepository(), withAge(AGE), clock);

        assertThat(sweeper.sweep(plane)).isZero(); // first seen now: it may be an upload about to record it
        assertThat(files.list(group, "v-")).contains(recorded, old);

        clock.advance(AGE.plusHours(1));
        String fresh = crashedUpload(group);
        assertThat(sweeper.sweep(plane)).isEqualTo(1);
        assertThat(files.list(group, "v-")).contains(recorded, fresh).doesNotContain(old);

        clock.advance(AGE.minusHours(1));
        assertThat(sweeper.sweep(plane)).isZero();
        assertThat(files.list(group, "v-")).contains(recorded, fresh);

        clock.advance(Duration.ofHours(2));
        assertThat(sweeper.sweep(plane)).isEqualTo(1);
        assertThat(files.list(group, "v-")).containsExactly(recorded);
        assertThat(sightings(plane)).isZero();
        try (var in = files.open(group, recorded)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("coat");
        }
    }

    @Test
    void theHourlyPurgeSweepsVersionFilesAndNeverTheFreshOnes() throws Exception {
        Style style = aStyle();
        String orphan = crashedUpload(style.groupId());

        uploads.purgeExpired(); // the application's own age (24h by default): a fresh orphan stays, noted
        assertThat(properties.orphanFileAge()).isEqualTo(AGE);
        assertThat(files.list(style.groupId(), "v-")).contains(orphan);
        assertThat(sightings(planes.of(style.groupId()))).isEqualTo(1);
    }

    /** What a crash between storing a direct upload's file and recording its row leaves. */
    private String crashedUpload(UUID group) throws IOException {
        String fileId = StyleFiles.versionFile(UUID.randomUUID());
        files.write(group, fileId, body("left by a crash"));
        return fileId;
    }

    private ContentProperties withAge(Duration age) {
        return new ContentProperties(
                properties.maxFileSize(),
                properties.groupQuota(),
                properties.maxThumbnailSize(),
                properties.restoreWindow(),
                properties.purgeCheckInterval(),
                properties.uploadExpiry(),
                age,
                properties.stuckUploadIdle());
    }

    private static int sightings(GroupDataPlane plane) {
        return plane.jdbc()
                .sql("select count(*) from content_orphan_file where group_id = ?")
                .param(plane.groupId())
                .query(Integer.class)
                .single();
    }

    private static ByteArrayInputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private Style aStyle() {
        return aStyle(actor);
    }
}
