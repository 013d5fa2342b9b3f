package io.selvedge.identity.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes identity's audited events inside a transaction (the caller's, or one of its own), so that the
 * event publication registry keeps them for their listeners even where no other write happens.
 */
@Service
@RequiredArgsConstructor
class IdentityEvents {

    private final ApplicationEventPublisher events;

    @Transactional
    public void publish(Object event) {
        events.publishEvent(event);
    }
}
