package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A style moved from one workflow stage into another (stage ids, not names). */
public record StyleStageMoved(
        UUID groupId,
        UUID styleId,
        @Nullable String fromStage,
        String toStage,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.stage-moved";
    }
}
