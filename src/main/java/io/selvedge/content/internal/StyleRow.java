package io.selvedge.content.internal;

import io.selvedge.content.Style;
import io.selvedge.content.StyleStatus;
import io.selvedge.crypto.FieldCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code content_style}, its fields still ciphertexts. */
record StyleRow(
        UUID id,
        UUID groupId,
        UUID workroomId,
        String name,
        String description,
        String tags,
        String status,
        @Nullable UUID statusBy,
        @Nullable Instant statusAt,
        UUID createdBy,
        Instant createdAt,
        UUID updatedBy,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        String stage) {

    /** The style, its fields decrypted with its group's cipher. */
    Style decrypt(FieldCipher cipher) {
        return new Style(
                id,
                groupId,
                workroomId,
                StyleRepository.NAME.decrypt(cipher, name, id),
                StyleRepository.DESCRIPTION.decrypt(cipher, description, id),
                StyleFields.splitTags(StyleRepository.TAGS.decrypt(cipher, tags, id)),
                StyleStatus.valueOf(status),
                statusBy,
                statusAt,
                createdBy,
                createdAt,
                updatedBy,
                updatedAt,
                stage);
    }

    boolean live() {
        return deletedAt == null;
    }

    static StyleRow read(ResultSet row, int n) throws SQLException {
        return new StyleRow(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getObject("workroom_id", UUID.class),
                row.getString("name"),
                row.getString("description"),
                row.getString("tags"),
                row.getString("status"),
                row.getObject("status_by", UUID.class),
                instant(row.getTimestamp("status_at")),
                row.getObject("created_by", UUID.class),
                instant(row.getTimestamp("created_at")),
                row.getObject("updated_by", UUID.class),
                instant(row.getTimestamp("updated_at")),
                instant(row.getTimestamp("deleted_at")),
                row.getString("stage"));
    }

    @Nullable
    static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    @Nullable
    static Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
