package io.selvedge.notify.internal;

import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class MailOutbox implements Outbox {

    private final OutboxEntries entries;
    private final Clock clock;

    @Override
    @Transactional
    public UUID enqueue(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        entries.insert(id, mail, clock.instant());
        return id;
    }
}
