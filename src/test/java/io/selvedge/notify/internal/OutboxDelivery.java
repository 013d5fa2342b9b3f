package io.selvedge.notify.internal;

import org.springframework.context.ApplicationContext;

/** For tests whose shared server does not poll its outbox: delivers what is due, now, on the caller's thread. */
public final class OutboxDelivery {

    private OutboxDelivery() {}

    public static Runnable of(ApplicationContext context) {
        MailDispatcher dispatcher = context.getBean(MailDispatcher.class);
        return dispatcher::dispatchDue;
    }
}
