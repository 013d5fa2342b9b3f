package io.selvedge.crypto.internal;

import io.selvedge.crypto.TamperDetected;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Publishes {@link TamperDetected} when a stored ciphertext fails authentication. */
@Component
@RequiredArgsConstructor
class TamperAlarm {

    private static final Logger log = LoggerFactory.getLogger(TamperAlarm.class);

    private final AuditedEvents events;

    void raise(UUID groupId, String what, String id) {
        log.warn("A stored {} failed authentication: group {}, {}", what, groupId, id);
        events.publish(new TamperDetected(groupId, what, id));
    }
}
