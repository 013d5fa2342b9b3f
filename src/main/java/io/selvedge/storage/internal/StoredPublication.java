package io.selvedge.storage.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/** A publication read back from a store's outbox table, with the event deserialised. */
final class StoredPublication implements TargetEventPublication {

    private final UUID id;
    private final Object event;
    private final PublicationTargetIdentifier target;
    private final Instant publicationDate;
    private final Status status;
    private final int completionAttempts;
    private final @Nullable Instant lastResubmissionDate;
    private volatile @Nullable Instant completionDate;

    StoredPublication(
            UUID id,
            Object event,
            PublicationTargetIdentifier target,
            Instant publicationDate,
            @Nullable Instant completionDate,
            Status status,
            int completionAttempts,
            @Nullable Instant lastResubmissionDate) {
        this.id = id;
        this.event = event;
        this.target = target;
        this.publicationDate = publicationDate;
        this.completionDate = completionDate;
        this.status = status;
        this.completionAttempts = completionAttempts;
        this.lastResubmissionDate = lastResubmissionDate;
    }

    @Override
    public UUID getIdentifier() {
        return id;
    }

    @Override
    public Object getEvent() {
        return event;
    }

    @Override
    public PublicationTargetIdentifier getTargetIdentifier() {
        return target;
    }

    @Override
    public Instant getPublicationDate() {
        return publicationDate;
    }

    @Override
    public Optional<Instant> getCompletionDate() {
        return Optional.ofNullable(completionDate);
    }

    @Override
    public Status getStatus() {
        return status;
    }

    @Override
    public int getCompletionAttempts() {
        return completionAttempts;
    }

    @Override
    public @Nullable Instant getLastResubmissionDate() {
        return lastResubmissionDate;
    }

    @Override
    public void markCompleted(Instant instant) {
        this.completionDate = instant;
    }

    @Override
    public String toString() {
        return "publication " + id + " of " + event.getClass().getSimpleName() + " to " + target.getValue();
    }
}
