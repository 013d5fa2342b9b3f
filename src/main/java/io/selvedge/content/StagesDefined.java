package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.List;
import java.util.UUID;

/** A group's admin defined its workflow stages: their ids in the new order (never their names, which are content). */
public record StagesDefined(UUID groupId, List<String> stageIds, AuditActor auditActor, RequestOrigin auditOrigin)
        implements GroupEvent {

    public StagesDefined {
        stageIds = List.copyOf(stageIds);
    }

    @Override
    public String auditAction() {
        return "stages.defined";
    }
}
