package io.selvedge.protection.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes the blocks' audited events inside a transaction, so the publication registry keeps them. */
@Component
class BlockEvents {

    private final ApplicationEventPublisher events;

    BlockEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void publish(Object event) {
        events.publishEvent(event);
    }
}
