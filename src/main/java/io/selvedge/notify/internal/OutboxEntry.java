package io.selvedge.notify.internal;

import io.selvedge.notify.OutgoingMail;
import java.util.UUID;

/** A mail in the outbox, with how often its delivery was tried. */
record OutboxEntry(UUID id, OutgoingMail mail, int attempts) {}
