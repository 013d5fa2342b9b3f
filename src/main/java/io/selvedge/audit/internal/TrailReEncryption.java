package io.selvedge.audit.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Brings a group trail's entries under the group's newest key after a rotation, one entry (by sequence
 * number) at a time. A version 2 entry's hash covers its plaintexts ({@link PlaintextChain}), so its
 * ciphertexts are swapped by compare-and-set like any encrypted column and the chain still verifies. A
 * trail that still holds version 1 entries (hashed over their ciphertexts) is first re-chained as a
 * whole by {@link TrailRechain}.
 */
@Component
@RequiredArgsConstructor
class TrailReEncryption implements ReEncryptable {

    private final Trails trails;
    private final TrailRechain rechain;

    @Override
    public String name() {
        return "audit.entries";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        return TrailRepository.seqsAfter(trails.of(groupId), after == null ? 0L : Long.parseLong(after), limit).stream()
                .map(String::valueOf)
                .toList();
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        Trail trail = trails.of(groupId);
        long seq = Long.parseLong(itemId);
        Optional<Integer> version = TrailRepository.chainVersion(trail, seq);
        if (version.isEmpty()) {
            return false; // purged meanwhile
        }
        if (version.get() < PlaintextChain.VERSION) {
            return rechain.rechain(trail);
        }
        boolean rewritten = false;
        for (EncryptedColumn column : TrailRepository.ENTRIES.columns()) {
            String stored = TrailRepository.stored(trail, column, seq).orElse(null);
            if (stored == null) {
                continue;
            }
            byte[] ciphertext = Base64.getDecoder().decode(stored);
            if (!reEncryption.isStale(ciphertext)) {
                continue;
            }
            String fresh = Base64.getEncoder()
                    .encodeToString(reEncryption.reEncryptField(
                            ciphertext, TrailRepository.ENTRIES.name(), column.name(), trail.rowId(seq)));
            rewritten |= TrailRepository.swap(trail, column, seq, stored, fresh);
        }
        return rewritten;
    }
}
