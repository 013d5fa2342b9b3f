package io.selvedge.notify;

import java.util.UUID;

/**
 * The transactional outbox for e-mail. A mail enqueued inside the caller's transaction is stored with
 * it and sent after the commit, retried with backoff while the SMTP server is away, and kept as a
 * dead letter for operators when it cannot be delivered: an acknowledged action never loses its mail.
 */
public interface Outbox {

    /** Stores the mail for sending; joins the caller's transaction. Returns the outbox entry's id. */
    UUID enqueue(OutgoingMail mail);
}
