package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An account the group manages signed in, or failed to, by any factor (password, one-time code, passkey,
 * directory): on the managing group's trail as well as the platform's, so the organisation sees its people's
 * sign-ins beside their work. A failure carries the identity module's reason ({@code wrong-password}...),
 * never what was typed.
 */
public record ManagedAccountSignIn(
        UUID groupId,
        UUID accountId,
        String factor,
        @Nullable String failureReason,
        RequestOrigin auditOrigin) implements MemberEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(accountId);
    }

    @Override
    public String auditAction() {
        return failureReason == null ? "sign-in.succeeded" : "sign-in.failed";
    }

    @Override
    public AuditOutcome auditOutcome() {
        return failureReason == null ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED;
    }
}
