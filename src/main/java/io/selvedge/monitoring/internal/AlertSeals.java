package io.selvedge.monitoring.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.monitoring.AlertSignal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals and opens an alert's key, summary and details: under the group's keys for a group's alert, under the
 * directory's for the installation's (the details as a JSON object).
 */
@RequiredArgsConstructor
final class AlertSeals {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final FieldCiphers ciphers;

    FieldCipher cipherOf(@Nullable UUID groupId) {
        return groupId == null ? ciphers.directory() : ciphers.of(groupId);
    }

    /** The row of a new alert opened by the signal. */
    AlertRows.Row seal(UUID id, AlertSignal signal, Instant at) {
        FieldCipher cipher = cipherOf(signal.groupId());
        return new AlertRows.Row(
                id,
                signal.groupId(),
                signal.detection(),
                signal.severity(),
                signal.category(),
                AlertRows.DEDUP_KEY.encrypt(cipher, signal.dedupKey(), id),
                AlertRows.SUMMARY.encrypt(cipher, signal.summary(), id),
                AlertRows.DETAILS.encrypt(cipher, JSON.writeValueAsString(new TreeMap<>(signal.details())), id),
                1,
                at,
                at,
                AlertStatus.OPEN,
                null,
                null,
                null,
                null,
                null);
    }

    Alert open(AlertRows.Row row) {
        FieldCipher cipher = cipherOf(row.groupId());
        return new Alert(
                row.id(),
                row.groupId(),
                row.detection(),
                row.severity(),
                row.category(),
                AlertRows.DEDUP_KEY.decrypt(cipher, row.sealedDedupKey(), row.id()),
                AlertRows.SUMMARY.decrypt(cipher, row.sealedSummary(), row.id()),
                JSON.readValue(AlertRows.DETAILS.decrypt(cipher, row.sealedDetails(), row.id()), DETAILS),
                row.signals(),
                row.firstSeen(),
                row.lastSeen(),
                row.status(),
                row.acknowledgedBy(),
                row.acknowledgedAt(),
                row.resolvedBy(),
                row.resolvedAt(),
                row.escalatedAt());
    }
}
