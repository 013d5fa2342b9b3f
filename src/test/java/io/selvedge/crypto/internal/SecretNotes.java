package io.selvedge.crypto.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.Stores;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A module's table as the re-encryption job sees it: encrypted notes of groups in a test table of each
 * regional store, offered to the job as a {@link ReEncryptable}. It can simulate a crash part-way.
 */
public class SecretNotes implements ReEncryptable {

    static final String TABLE = "test_secret_notes";

    private final GroupResidency residency;
    private final FieldCiphers fields;
    private final Map<UUID, AtomicInteger> crashAfter = new ConcurrentHashMap<>();

    public SecretNotes(Stores stores, GroupResidency residency, FieldCiphers fields) {
        this.residency = residency;
        this.fields = fields;
        for (String region : stores.regions()) {
            new JdbcTemplate(stores.region(region).dataSource())
                    .execute("create table if not exists " + TABLE
                            + " (id varchar(64) primary key, group_id uuid not null, body bytea not null)");
        }
    }

    String add(UUID group, String text) {
        String id = UUID.randomUUID().toString();
        jdbc(group)
                .update(
                        "insert into " + TABLE + " (id, group_id, body) values (?, ?, ?)",
                        id,
                        group,
                        fields.of(group).encrypt(text.getBytes(StandardCharsets.UTF_8), TABLE, "body", id));
        return id;
    }

    String read(UUID group, String id) {
        return new String(fields.of(group).decrypt(stored(group, id), TABLE, "body", id), StandardCharsets.UTF_8);
    }

    byte[] stored(UUID group, String id) {
        return jdbc(group).queryForObject("select body from " + TABLE + " where id = ?", byte[].class, id);
    }

    List<String> ids(UUID group) {
        return itemsAfter(group, null, Integer.MAX_VALUE);
    }

    /** The next re-encryption of the group stops with an exception after this many items, as a crash would. */
    void crashAfter(UUID group, int items) {
        crashAfter.put(group, new AtomicInteger(items));
    }

    @Override
    public String name() {
        return "test.secret-notes";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, String after, int limit) {
        return jdbc(groupId)
                .queryForList(
                        "select id from " + TABLE + " where group_id = ? and id > ? order by id limit ?",
                        String.class,
                        groupId,
                        after == null ? "" : after,
                        limit);
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        AtomicInteger countdown = crashAfter.get(groupId);
        if (countdown != null && countdown.getAndDecrement() <= 0) {
            crashAfter.remove(groupId);
            throw new IllegalStateException("simulated crash");
        }
        byte[] body = stored(groupId, itemId);
        if (!reEncryption.isStale(body)) {
            return false;
        }
        byte[] fresh = reEncryption.reEncryptField(body, TABLE, "body", itemId);
        return jdbc(groupId).update("update " + TABLE + " set body = ? where id = ? and body = ?", fresh, itemId, body)
                == 1;
    }

    private JdbcTemplate jdbc(UUID group) {
        return new JdbcTemplate(residency.storeOf(group).dataSource());
    }
}
