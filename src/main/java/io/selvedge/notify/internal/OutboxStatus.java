package io.selvedge.notify.internal;

enum OutboxStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** Handed to the SMTP server, or written to the mail folder where no SMTP server is configured. */
    SENT,
    /** Every attempt failed: kept for operators, never retried by itself. */
    DEAD
}
