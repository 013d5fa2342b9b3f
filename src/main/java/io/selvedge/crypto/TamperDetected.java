package io.selvedge.crypto;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A stored ciphertext failed authentication: a byte changed, was truncated or reordered, or the
 * ciphertext was moved to another row, column or file. Published when the read fails; monitoring
 * alerts on it. Audited on the group's trail (the platform trail for the directory), the system acting,
 * with the origin of the request whose read failed.
 *
 * @param groupId the group whose data failed, or null for the global directory
 * @param what {@code field} or {@code file}
 * @param id what failed: {@code table.column#rowId} for a field, the file id for a file
 */
public record TamperDetected(@Nullable UUID groupId, String what, String id, RequestOrigin auditOrigin)
        implements AuditableEvent {

    public TamperDetected(@Nullable UUID groupId, String what, String id) {
        this(groupId, what, id, RequestOrigin.current());
    }

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.system();
    }

    @Override
    public String auditAction() {
        return "tamper.detected";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(what, id);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.FAILED;
    }
}
