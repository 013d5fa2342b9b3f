package io.selvedge.monitoring.internal.routing;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A way to reach a team: an installation team's ({@code teamId}) or a group's security contacts ({@code groupId}).
 * Its {@code target} is an e-mail address or an https URL; its {@code secret} a webhook's signing secret or a
 * PagerDuty routing key. {@link #toString()} names neither.
 */
public record Channel(
        UUID id,
        @Nullable UUID teamId,
        @Nullable UUID groupId,
        ChannelKind kind,
        String name,
        String target,
        @Nullable String secret) {

    @Override
    public String toString() {
        return "Channel[" + id + ", " + kind + "]";
    }
}
