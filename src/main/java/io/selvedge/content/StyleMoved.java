package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style moved to another workroom of its group. */
public record StyleMoved(
        UUID groupId,
        UUID styleId,
        UUID fromWorkroomId,
        UUID toWorkroomId,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.moved";
    }
}
