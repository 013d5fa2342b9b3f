package io.selvedge.platform;

import java.util.Optional;

/**
 * Readable names of audit targets, looked up when an audit entry is written (events carry only ids).
 * Each module names what it owns (tenancy its groups and nodes, identity its accounts); the audit
 * module asks every implementation and takes the first name found.
 */
public interface TargetNames {

    /** The target's current readable name, or empty if this module does not own the kind or the id is gone. */
    Optional<String> nameOf(AuditTarget target);
}
