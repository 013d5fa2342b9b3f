package io.selvedge.notify.internal;

import org.springframework.context.ApplicationContext;

/**
 * For tests on the shared test server, whose outbox is polled only hourly: delivers what is due now, to the
 * mail folder (and SMTP, if configured), as the scheduled dispatcher would.
 */
public final class OutboxDelivery {

    private OutboxDelivery() {}

    public static void deliverNow(ApplicationContext context) {
        context.getBean(MailDispatcher.class).dispatchDue();
    }
}
