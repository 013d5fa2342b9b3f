package io.selvedge.platform;

/** How an audited action ended: done, failed (a wrong password), or refused by a permission check. */
public enum AuditOutcome {
    SUCCEEDED,
    FAILED,
    DENIED
}
