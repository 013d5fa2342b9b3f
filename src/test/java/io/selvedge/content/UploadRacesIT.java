package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ContentServices;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Uploads that race: two that each fit the quota but not together (one lands, the other is refused, and
 * a failed one gives its room back); a tus HEAD racing the last PATCH, or several completing one upload
 * at once (one version); and the part a crash left in the blob store without a row (the sweep deletes it,
 * never a part an append may still be recording). The limits are VersionsApiIT's, so the server is shared.
 */
@SelvedgeIntegrationTest
@TestPropertySource(
        properties = {
            "selvedge.content.max-file-size=4MB",
            "selvedge.content.group-quota=10MB",
            "selvedge.content.max-thumbnail-size=64KB"
        })
class UploadRacesIT extends ContentServices {

    static final int MIB = 1024 * 1024;

    @Autowired
    GroupFiles files;

    @Autowired
    Stores stores;

    final UUID actor = UUID.randomUUID();
    final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void twoUploadsThatFitOnlyAloneDoNotBothLand() throws Exception {
        Style style = aStyle();
        fillQuotaTo(style, 4L * MIB); // 6 MiB left: room for one of the two, not both
        CountDownLatch reading = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Version>> both = List.of(
                threads.submit(() -> versions.upload(
                        style.id(), "a.zprj", null, 4L * MIB, new HeldBody(4L * MIB, 1, reading, go), actor)),
                threads.submit(() -> versions.upload(
                        style.id(), "b.zprj", null, 4L * MIB, new HeldBody(4L * MIB, 2, reading, go), actor)));
        // Let one reserve, start streaming and wait there; a second one, refused, ends at once.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reading.getCount() > 0 && both.stream().noneMatch(Future::isDone) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(200); // time for the other to get as far as it can
        go.countDown();

        List<Object> outcomes = new ArrayList<>();
        for (Future<Version> upload : both) {
            outcomes.add(outcome(upload));
        }
        assertThat(outcomes).filteredOn(Version.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(ContentTooLargeException.class::isInstance)
                .hasSize(1);
        assertThat(used(style)).isLessThanOrEqualTo(10L * MIB);
    }

    @Test
    void aFailedUploadGivesItsRoomBack() throws Exception {
        Style style = aStyle();
        fillQuotaTo(style, 6L * MIB); // 4 MiB left
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ == MIB) {
                    throw new IOException("the connection dropped");
                }
                return 7;
            }
        };
        Object failed =
                outcome(threads.submit(() -> versions.upload(style.id(), "c.zprj", null, 4L * MIB, failing, actor)));
        assertThat(failed).isInstanceOf(IOException.class);
        // Its 4 MiB are free again; and a reservation only counts while it lives.
        Version next =
                versions.upload(style.id(), "d.zprj", null, 4L * MIB, new HeldBody(4L * MIB, 3, null, null), actor);
        assertThat(next.size()).isEqualTo(4L * MIB);
        assertThat(reservations(style)).isZero();
    }

    @Test
    void aHeadRacingTheLastPatchMakesOneVersion() throws Exception {
        for (int round = 0; round < 3; round++) {
            Style style = aStyle();
            Uploads.Upload upload = uploads.create(style.id(), 2L * MIB, "race.glb", null, actor);
            uploads.append(upload.id(), 0, new HeldBody(MIB, 4, null, null), actor);
            Future<Uploads.Upload> patch =
                    threads.submit(() -> uploads.append(upload.id(), MIB, new HeldBody(MIB, 5, null, null), actor));
            Future<List<UUID>> heads = threads.submit(() -> {
                List<UUID> seen = new ArrayList<>();
                while (!patch.isDone()) {
                    try {
                        Uploads.Upload head = uploads.get(upload.id(), actor);
                        if (head.versionId() != null) {
                            seen.add(head.versionId());
                        }
                    } catch (NoSuchContentException e) {
                        break; // completed and gone: as tus allows
                    }
                }
                return seen;
            });
            UUID made = patch.get(60, TimeUnit.SECONDS).versionId();
            assertThat(made).isNotNull();
            assertThat(heads.get(60, TimeUnit.SECONDS)).allMatch(made::equals);
            assertThat(versions.list(style.id())).extracting(Version::id).containsExactly(made);
        }
    }

    @Test
    void requestsCompletingOneUploadAtOnceMakeOneVersion() throws Exception {
        Style style = aStyle();
        Uploads.Upload upload = uploads.create(style.id(), 3L * MIB, "race.glb", null, actor);
        uploads.append(upload.id(), 0, new HeldBody(MIB, 6, null, null), actor);
        uploads.append(upload.id(), MIB, new HeldBody(MIB, 7, null, null), actor);
        // As after a crash between the last part's commit and its version: every HEAD now completes it.
        new JdbcTemplate(stores.region("eu").dataSource())
                .update("update content_upload set length_bytes = offset_bytes where id = ?", upload.id());
        CyclicBarrier together = new CyclicBarrier(4);
        List<Future<Object>> heads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            heads.add(threads.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                try {
                    return uploads.get(upload.id(), actor).versionId();
                } catch (NoSuchContentException e) {
                    return e; // completed and gone before this one looked
                }
            }));
        }
        Set<Object> seen = new java.util.HashSet<>();
        for (Future<Object> head : heads) {
            Object result = head.get(60, TimeUnit.SECONDS);
            seen.add(result instanceof UUID ? result : "gone");
        }
        List<Version> made = versions.list(style.id());
        assertThat(made).hasSize(1);
        assertThat(seen).contains(made.get(0).id()).isSubsetOf(made.get(0).id(), "gone");
        assertThat(made.get(0).size()).isEqualTo(2L * MIB);
        assertThat(files.list(style.groupId(), "u-" + upload.id())).isEmpty();
    }

    @Test
    void thePartACrashLeftIsSweptButNotOneThatMayBeInFlight() throws Exception {
        Style style = aStyle();
        UUID group = style.groupId();
        Uploads.Upload upload = uploads.create(style.id(), 2L * MIB, "crash.glb", null, actor);
        uploads.append(upload.id(), 0, new HeldBody(MIB, 8, null, null), actor);
        // A crash after the second part was stored, before its row: an encrypted part nobody recorded.
        String leftByCrash = "u-" + upload.id() + "-1-deadbeef";
        files.write(group, leftByCrash, new HeldBody(MIB, 9, null, null));
        String ofAGoneUpload = "u-" + UUID.randomUUID() + "-0-cafebabe";
        files.write(group, ofAGoneUpload, new HeldBody(10, 10, null, null));

        uploads.purgeExpired();
        // The next free slot's part may be an append about to record it: it stays while the upload lives.
        assertThat(files.list(group, "u-")).contains(leftByCrash).doesNotContain(ofAGoneUpload);

        Uploads.Upload done = uploads.append(upload.id(), MIB, new HeldBody(MIB, 11, null, null), actor);
        assertThat(done.versionId()).isNotNull();
        uploads.purgeExpired();
        assertThat(files.list(group, "u-")).isEmpty();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new HeldBody(MIB, 8, null, null).transferTo(expected);
        new HeldBody(MIB, 11, null, null).transferTo(expected);
        try (VersionContent content = versions.download(done.versionId(), actor, null);
                InputStream in = java.nio.channels.Channels.newInputStream(content.channel())) {
            assertThat(in.readAllBytes()).isEqualTo(expected.toByteArray());
        }

        // In a live upload, a part whose slot another part took is an orphan at once.
        Uploads.Upload live = uploads.create(style.id(), 2L * MIB, "live.glb", null, actor);
        uploads.append(live.id(), 0, new HeldBody(MIB, 12, null, null), actor);
        String lostRace = "u-" + live.id() + "-0-0badf00d";
        files.write(group, lostRace, new HeldBody(MIB, 13, null, null));
        uploads.purgeExpired();
        List<String> kept = files.list(group, "u-" + live.id());
        assertThat(kept).hasSize(1).doesNotContain(lostRace);
        assertThat(uploads.get(live.id(), actor).offset()).isEqualTo(MIB);
    }

    private Style aStyle() {
        return aStyle(actor);
    }

    /** Versions of at most 4 MiB (the per-file limit) until the group's versions take {@code bytes}. */
    private void fillQuotaTo(Style style, long bytes) throws IOException {
        for (long left = bytes; left > 0; left -= 4L * MIB) {
            long size = Math.min(left, 4L * MIB);
            versions.upload(style.id(), "fill.zprj", null, size, new HeldBody(size, 0, null, null), actor);
        }
    }

    private long used(Style style) {
        return versions.list(style.id()).stream().mapToLong(Version::size).sum();
    }

    private int reservations(Style style) {
        Integer count = new JdbcTemplate(stores.region("eu").dataSource())
                .queryForObject(
                        "select count(*) from content_reservation where group_id = ?", Integer.class, style.groupId());
        return count == null ? 0 : count;
    }

    private static Object outcome(Future<?> task) throws InterruptedException {
        try {
            return task.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("an upload did not end", e);
        }
    }

    /** A body of generated bytes; if given latches, it says it is reading, then waits for the go. */
    static final class HeldBody extends InputStream {

        private final long size;
        private final int seed;
        private final CountDownLatch reading;
        private final CountDownLatch go;
        private long sent;

        HeldBody(long size, int seed, CountDownLatch reading, CountDownLatch go) {
            this.size = size;
            this.seed = seed;
            this.reading = reading;
            this.go = go;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent == 0 && reading != null) {
                reading.countDown();
                try {
                    if (!go.await(30, TimeUnit.SECONDS)) {
                        throw new IOException("no go");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (sent >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - sent);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) ((sent + i) * 31 + seed);
            }
            sent += n;
            return n;
        }
    }
}
