package io.selvedge.monitoring.internal.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A channel as the API and pages show it: an e-mail address in full, a URL by its host only (a Slack URL is
 * itself a secret), never a routing key; a webhook's signing {@code secret} only in the answer that made it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChannelView(
        UUID id,
        @Nullable UUID teamId,
        String kind,
        String name,
        String target,
        @Nullable String secret) {

    static ChannelView of(Channel channel) {
        return new ChannelView(
                channel.id(), channel.teamId(), channel.kind().name(), channel.name(), shown(channel), null);
    }

    /** With the webhook's secret: for the answer that made the channel, the only time it is shown. */
    static ChannelView made(Channel channel) {
        return new ChannelView(
                channel.id(),
                channel.teamId(),
                channel.kind().name(),
                channel.name(),
                shown(channel),
                channel.kind() == ChannelKind.WEBHOOK ? channel.secret() : null);
    }

    static String shown(Channel channel) {
        if (channel.kind() == ChannelKind.EMAIL) {
            return channel.target();
        }
        URI uri = URI.create(channel.target());
        return "https://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
    }
}
