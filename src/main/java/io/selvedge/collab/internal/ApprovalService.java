package io.selvedge.collab.internal;

import io.selvedge.collab.Approval;
import io.selvedge.collab.ApprovalRecorded;
import io.selvedge.collab.Approvals;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleChange;
import io.selvedge.content.StyleStatus;
import io.selvedge.content.Styles;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Approvals: the style's status (with who and when) changes and the history row is written in one
 * transaction of the group's region; the note is encrypted under the group's field key.
 */
@Service
class ApprovalService implements Approvals {

    static final String TABLE = "collab_approval";
    static final int MAX_NOTE = 2000;

    private final GroupDataPlanes planes;
    private final FieldCiphers ciphers;
    private final Styles styles;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;

    ApprovalService(
            GroupWrites writes,
            GroupDataPlanes planes,
            FieldCiphers ciphers,
            Styles styles,
            ApplicationEventPublisher events,
            Clock clock) {
        this.writes = writes;
        this.planes = planes;
        this.ciphers = ciphers;
        this.styles = styles;
        this.events = events;
        this.clock = clock;
    }

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
            plane.jdbc()
                    .sql("insert into collab_approval (id, group_id, style_id, status, note, actor_id, created_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            groupId,
                            styleId,
                            status.name(),
                            cipher.encryptText(text, TABLE, "note", id.toString()),
                            actor,
                            Timestamp.from(now))
                    .update();
            events.publishEvent(
                    new ApprovalRecorded(groupId, styleId, id, status.name(), actor, RequestOrigin.current()));
        });
        return new Approval(id, styleId, status, text, actor, now);
    }

    @Override
    public List<Approval> history(UUID styleId) {
        Style style = styles.get(styleId);
        FieldCipher cipher = ciphers.of(style.groupId());
        return planes.of(style.groupId())
                .jdbc()
                .sql("select id, status, note, actor_id, created_at from collab_approval where group_id = ? and"
                        + " style_id = ? order by created_at desc, id")
                .params(style.groupId(), styleId)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new Approval(
                            id,
                            styleId,
                            StyleStatus.valueOf(rs.getString(2)),
                            cipher.decryptText(rs.getString(3), TABLE, "note", id.toString()),
                            rs.getObject(4, UUID.class),
                            rs.getTimestamp(5).toInstant());
                })
                .list();
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
