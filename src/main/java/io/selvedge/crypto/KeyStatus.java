package io.selvedge.crypto;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a group's keys stand.
 *
 * @param destroyAfter when a scheduled destruction happens (null unless {@link State#DESTRUCTION_SCHEDULED})
 * @param destroyedAt when the keys were destroyed (null unless {@link State#DESTROYED})
 */
public record KeyStatus(
        UUID groupId,
        State state,
        @Nullable Instant destroyAfter,
        @Nullable Instant destroyedAt) {

    public enum State {
        /** The group has no keys. */
        NONE,
        ACTIVE,
        /** Still readable; destroyed after {@code destroyAfter} unless cancelled. */
        DESTRUCTION_SCHEDULED,
        /** Nothing of the group can be decrypted any more. */
        DESTROYED
    }
}
