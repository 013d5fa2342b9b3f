package io.selvedge.platform;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An event that belongs on an audit trail. The audit module listens to every event of this type through
 * the event publication registry (the outbox), so a publisher only describes what happened, inside the
 * transaction that did it, and never calls the audit module.
 *
 * <p>An event is serialised into the outbox: it carries ids, never names or other content. The audit
 * module looks up a target's readable name when it writes the entry, through the names each module
 * offers.
 */
public interface AuditableEvent {

    /** The group whose trail records the event; null for the platform trail (staff, installation). */
    @Nullable
    UUID auditGroupId();

    /** Who acted: an account, a share link or the system. */
    AuditActor auditActor();

    /** What happened, as a dotted past-tense name: {@code sign-in.failed}, {@code role.granted}... */
    String auditAction();

    /** What it happened to. */
    AuditTarget auditTarget();

    /** Succeeded, unless the event records a refusal or a failure. */
    default AuditOutcome auditOutcome() {
        return AuditOutcome.SUCCEEDED;
    }

    /** Where the request came from, captured when the event was made ({@link RequestOrigin#current()}). */
    RequestOrigin auditOrigin();
}
