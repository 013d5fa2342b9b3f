package io.selvedge.tenancy.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Brings a group's encrypted tree columns (those {@link NodeRepository#GROUPS} and {@link
 * NodeRepository#NODES} declare: the names and creators of the group and of every node) under its newest
 * key after a rotation. The items are the group's own row and its nodes, by id.
 */
@Component
@RequiredArgsConstructor
class TreeNameReEncryption implements ReEncryptable {

    private final GroupDataPlanes planes;

    @Override
    public String name() {
        return "tenancy.tree";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        // Sorted here as text: databases order uuid columns differently, and the cursor is text.
        return NodeRepository.rowIds(planes.of(groupId).jdbc(), groupId).stream()
                .filter(id -> after == null || id.compareTo(after) > 0)
                .sorted()
                .limit(limit)
                .toList();
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        GroupDataPlane plane = planes.of(groupId);
        EncryptedTable table = groupId.toString().equals(itemId) ? NodeRepository.GROUPS : NodeRepository.NODES;
        UUID rowId = UUID.fromString(itemId);
        boolean rewritten = false;
        for (EncryptedColumn column : table.columns()) {
            String stored =
                    NodeRepository.stored(plane.jdbc(), column, groupId, rowId).orElse(null);
            if (stored == null || !reEncryption.isStale(Base64.getDecoder().decode(stored))) {
                continue;
            }
            String fresh = Base64.getEncoder()
                    .encodeToString(reEncryption.reEncryptField(
                            Base64.getDecoder().decode(stored), table.name(), column.name(), itemId));
            rewritten |= NodeRepository.swap(plane.jdbc(), column, rowId, stored, fresh);
        }
        return rewritten;
    }
}
