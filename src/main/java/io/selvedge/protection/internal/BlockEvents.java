package io.selvedge.protection.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Publishes the blocks' audited events inside a transaction, so the publication registry keeps them. */
@Component
@RequiredArgsConstructor
class BlockEvents {

    private final ApplicationEventPublisher events;

    @Transactional
    public void publish(Object event) {
        events.publishEvent(event);
    }
}
