package io.selvedge.content.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.Stores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the styles' search tokens ({@link SearchTokens}) in step with their fields outside the changes
 * that write them. The backfill indexes the styles stored before tokens existed, soon after each start and
 * then on a schedule: it only fills tokens still missing, by compare-and-set on the fields read, so it is
 * safe on several nodes, after a crash, and beside concurrent edits; until it is done search decrypts the
 * unindexed styles, so results never wait for it. As a participant of a group's re-encryption job
 * ({@code content.search}), it recomputes each style's tokens under the group's current blind-index key and
 * rewrites those that differ (none while that key does not rotate), so a rotation leaves search working.
 */
@Component
@RequiredArgsConstructor
class SearchIndexUpkeep implements ReEncryptable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpkeep.class);
    private static final int BATCH = 200;

    private final Stores stores;
    private final GroupDataPlanes planes;
    private final GroupWrites writes;
    private final FieldCiphers ciphers;
    private final StyleRepository rows;

    @Scheduled(
            initialDelayString = "${selvedge.content.search-backfill-delay:20s}",
            fixedDelayString = "${selvedge.content.search-backfill-interval:6h}")
    @SchedulerLock(name = "content.search-backfill", lockAtMostFor = "1h")
    void scheduledBackfill() {
        int indexed = backfill();
        if (indexed > 0) {
            log.info("Indexed {} styles for search", indexed);
        }
    }

    /** Indexes every style of every region not indexed yet; the number indexed. */
    int backfill() {
        int indexed = 0;
        for (String region : stores.regions()) {
            JdbcClient store = JdbcClient.create(stores.region(region).dataSource());
            UUID after = null;
            List<StyleRow> batch;
            do {
                batch = rows.unindexed(store, after, BATCH);
                Map<UUID, List<StyleRow>> byGroup = new LinkedHashMap<>();
                batch.forEach(row -> byGroup.computeIfAbsent(row.groupId(), g -> new ArrayList<>())
                        .add(row));
                for (Map.Entry<UUID, List<StyleRow>> group : byGroup.entrySet()) {
                    indexed += index(group.getKey(), group.getValue());
                }
                after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
            } while (batch.size() == BATCH);
        }
        return indexed;
    }

    private int index(UUID groupId, List<StyleRow> styles) {
        try {
            FieldCipher cipher = ciphers.of(groupId);
            return writes.write(groupId, plane -> {
                int written = 0;
                for (StyleRow row : styles) {
                    if (rows.setSearchTokensIfUnchanged(
                            plane.jdbc(), row, SearchTokens.of(cipher, row.decrypt(cipher)))) {
                        written++;
                    }
                }
                return written;
            });
        } catch (RuntimeException e) {
            // e.g. the group's keys were destroyed, or a field failed authentication (its alarm is raised):
            // its styles stay unindexed, and search decrypts them as before
            log.warn(
                    "Could not index the styles of group {} for search: {}",
                    groupId,
                    e.getClass().getSimpleName());
            return 0;
        }
    }

    @Override
    public String name() {
        return "content.search";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        return rows
                .idsInGroup(planes.of(groupId).jdbc(), groupId, after == null ? null : UUID.fromString(after), limit)
                .stream()
                .map(UUID::toString)
                .toList();
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        UUID styleId = UUID.fromString(itemId);
        StyleRow row = rows.find(jdbc, groupId, styleId, false).orElse(null);
        if (row == null) {
            return false; // purged since it was listed
        }
        FieldCipher cipher = ciphers.of(groupId);
        short[] tokens = SearchTokens.of(cipher, row.decrypt(cipher));
        if (Arrays.equals(tokens, rows.searchTokens(jdbc, styleId))) {
            return false;
        }
        return writes.write(groupId, plane -> rows.setSearchTokensIfUnchanged(plane.jdbc(), row, tokens));
    }
}
