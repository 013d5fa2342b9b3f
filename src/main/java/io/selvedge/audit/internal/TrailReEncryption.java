package io.selvedge.audit.internal;

import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Brings a group trail's entries under the group's newest key after a rotation, one entry (by sequence
 * number) at a time. A version 2 entry's hash covers its plaintexts ({@link PlaintextChain}), so its
 * ciphertexts are swapped by compare-and-set like any encrypted column and the chain still verifies. A
 * trail that still holds version 1 entries (hashed over their ciphertexts) is first re-chained as a
 * whole by {@link TrailRechain}.
 */
@Component
class TrailReEncryption implements ReEncryptable {

    private final Trails trails;
    private final TrailRechain rechain;

    TrailReEncryption(Trails trails, TrailRechain rechain) {
        this.trails = trails;
        this.rechain = rechain;
    }

    @Override
    public String name() {
        return "audit.entries";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        Trail trail = trails.of(groupId);
        return trail
                .jdbc()
                .sql("select seq from audit_entry where group_id = ? and seq > ? order by seq limit ?")
                .params(groupId, after == null ? 0L : Long.parseLong(after), limit)
                .query(Long.class)
                .list()
                .stream()
                .map(String::valueOf)
                .toList();
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        Trail trail = trails.of(groupId);
        long seq = Long.parseLong(itemId);
        List<Integer> version = trail.jdbc()
                .sql("select chain_version from audit_entry where group_id = ? and seq = ?")
                .params(groupId, seq)
                .query(Integer.class)
                .list();
        if (version.isEmpty()) {
            return false; // purged meanwhile
        }
        if (version.get(0) < PlaintextChain.VERSION) {
            return rechain.rechain(trail);
        }
        boolean rewritten = false;
        for (String column : PlaintextChain.ENCRYPTED) {
            List<String> found = trail.jdbc()
                    .sql("select " + column + " from audit_entry where group_id = ? and seq = ?")
                    .params(groupId, seq)
                    .query((row, n) -> row.getString(1))
                    .list();
            String stored = found.isEmpty() ? null : found.get(0);
            if (stored == null) {
                continue;
            }
            byte[] ciphertext = Base64.getDecoder().decode(stored);
            if (!reEncryption.isStale(ciphertext)) {
                continue;
            }
            String fresh = Base64.getEncoder()
                    .encodeToString(
                            reEncryption.reEncryptField(ciphertext, TrailWriter.TABLE, column, trail.rowId(seq)));
            rewritten |= trail.jdbc()
                            .sql("update audit_entry set " + column + " = ? where group_id = ? and seq = ? and "
                                    + column + " = ?")
                            .params(fresh, groupId, seq, stored)
                            .update()
                    == 1;
        }
        return rewritten;
    }
}
