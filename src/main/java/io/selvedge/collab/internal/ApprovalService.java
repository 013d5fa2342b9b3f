package io.selvedge.collab.internal;

import io.selvedge.collab.Approval;
import io.selvedge.collab.ApprovalRecorded;
import io.selvedge.collab.Approvals;
import io.selvedge.collab.ColorwayApprovalRecorded;
import io.selvedge.content.Colorway;
import io.selvedge.content.Colorways;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleChange;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Approvals: the style's status (with who and when) changes and the history row is written in one
 * transaction of the group's region; the note is encrypted under the group's field key.
 */
@Service
@RequiredArgsConstructor
class ApprovalService implements Approvals {

    static final int MAX_NOTE = 2000;

    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Styles styles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;
    private final ApprovalRepository rows;
    private final Colorways colorways;

    @Override
    public Approval record(UUID styleId, StyleStatus status, String note, UUID actor) {
        String text = note(note);
        Style style = styles.get(styleId);
        UUID groupId = style.groupId();
        FieldCipher cipher = ciphers.of(groupId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        writes.run(groupId, plane -> {
            styles.change(styleId, new StyleChange(null, null, null, status), actor);
            rows.insert(
                    plane.jdbc(),
                    id,
                    groupId,
                    styleId,
                    null,
                    status,
                    ApprovalRepository.NOTE.encrypt(cipher, text, id),
                    actor,
                    now);
            events.publishEvent(new ApprovalRecorded(
                    groupId, styleId, id, status.name(), AuditActor.account(actor), RequestOrigin.current()));
        });
        return new Approval(id, styleId, status, text, actor, now, null);
    }

    @Override
    public List<Approval> history(UUID styleId) {
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        return rows.ofStyle(planes.of(style.groupId()).jdbc(), style.groupId(), styleId).stream()
                .map(row -> decrypted(row, styleId, cipher))
                .toList();
    }

    @Override
    public Approval recordForColorway(UUID styleId, UUID colorwayId, StyleStatus status, String note, UUID actor) {
        String text = note(note);
        Style style = styles.get(styleId);
        UUID groupId = style.groupId();
        FieldCipher cipher = ciphers.of(groupId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        writes.run(groupId, plane -> {
            colorways.setStatus(styleId, colorwayId, status, actor);
            rows.insert(
                    plane.jdbc(),
                    id,
                    groupId,
                    styleId,
                    colorwayId,
                    status,
                    ApprovalRepository.NOTE.encrypt(cipher, text, id),
                    actor,
                    now);
            events.publishEvent(new ColorwayApprovalRecorded(
                    groupId,
                    styleId,
                    colorwayId,
                    id,
                    status.name(),
                    AuditActor.account(actor),
                    RequestOrigin.current()));
        });
        return new Approval(id, styleId, status, text, actor, now, colorwayId);
    }

    @Override
    public List<Approval> colorwayHistory(UUID styleId, UUID colorwayId) {
        Colorway colorway = colorways.get(styleId, colorwayId);
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        return rows.ofColorway(planes.of(style.groupId()).jdbc(), style.groupId(), styleId, colorway.id()).stream()
                .map(row -> decrypted(row, styleId, cipher))
                .toList();
    }

    private static Approval decrypted(ApprovalRepository.Row row, UUID styleId, FieldCipher cipher) {
        return new Approval(
                row.id(),
                styleId,
                row.status(),
                ApprovalRepository.NOTE.decrypt(cipher, row.note(), row.id()),
                row.actorId(),
                row.createdAt(),
                row.colorwayId());
    }

    static String note(@Nullable String note) {
        String text = note == null ? "" : note.strip();
        if (text.codePointCount(0, text.length()) > MAX_NOTE) {
            throw new InvalidContentException("A note has at most " + MAX_NOTE + " characters.");
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new InvalidContentException("A note may not contain control characters.");
        }
        return text;
    }
}
