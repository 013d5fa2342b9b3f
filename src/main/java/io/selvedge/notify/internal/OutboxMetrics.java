package io.selvedge.notify.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** {@code selvedge_mail_outbox{status=...}}: how much mail waits, went out, or died; alert on dead. */
@Component
class OutboxMetrics {

    OutboxMetrics(OutboxEntries entries, MeterRegistry registry) {
        for (OutboxStatus status : OutboxStatus.values()) {
            Gauge.builder(
                            "selvedge.mail.outbox",
                            entries,
                            e -> e.countByStatus().get(status))
                    .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Mails in the outbox by status")
                    .register(registry);
        }
    }
}
