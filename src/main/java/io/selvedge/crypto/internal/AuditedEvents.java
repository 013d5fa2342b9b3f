package io.selvedge.crypto.internal;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the crypto module's audited events inside a transaction of the global store, so that the
 * event publication registry (the outbox) records them even when no transaction is running (a decryption
 * that fails, an operator command): the audit listener hears only events of committed transactions.
 */
@Component
@RequiredArgsConstructor
class AuditedEvents {

    private final ApplicationEventPublisher events;
    private final ObjectProvider<PlatformTransactionManager> transactions;

    void publish(Object event) {
        PlatformTransactionManager manager = transactions.getIfAvailable();
        if (manager == null) {
            events.publishEvent(event);
            return;
        }
        new TransactionTemplate(manager).executeWithoutResult(status -> events.publishEvent(event));
    }
}
