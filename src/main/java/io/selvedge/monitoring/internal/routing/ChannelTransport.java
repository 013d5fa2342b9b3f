package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.internal.AlertChanged;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.PlatformProperties;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Sends one alert change to one channel: e-mail into the outbox (which retries on its own), the others as an
 * https POST with connect and request timeouts, redirects not followed. A 2xx answer is success; anything
 * else throws {@link ChannelFailedException}, whose message names no URL or secret.
 */
@Component
class ChannelTransport {

    private final Outbox outbox;
    private final ChannelTargets targets;
    private final HttpClient http;
    private final RoutingProperties properties;
    private final Clock clock;
    private final String source;

    ChannelTransport(Outbox outbox, RoutingProperties properties, PlatformProperties platform, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.targets = new ChannelTargets(properties.allowedHosts());
        this.source = platform.publicUrl().getHost();
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.delivery().connectTimeout())
                .sslContext(ChannelTrust.sslContext(properties.trustedCertificates()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(Channel channel, AlertChanged alert) throws ChannelFailedException {
        switch (channel.kind()) {
            case EMAIL ->
                outbox.enqueue(OutgoingMail.text(channel.target(), Payloads.subject(alert), Payloads.mailText(alert)));
            case WEBHOOK -> {
                String body = Payloads.webhook(alert);
                long timestamp = clock.instant().getEpochSecond();
                post(
                        channel,
                        body,
                        WebhookSignature.TIMESTAMP,
                        Long.toString(timestamp),
                        WebhookSignature.SIGNATURE,
                        WebhookSignature.of(required(channel.secret()), timestamp, body));
            }
            case SLACK -> post(channel, Payloads.slack(alert));
            case PAGERDUTY -> post(channel, Payloads.pagerDuty(alert, required(channel.secret()), source));
        }
    }

    private void post(Channel channel, String body, String... headers) throws ChannelFailedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(targets.forRequest(channel.target()))
                    .timeout(properties.delivery().requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Selvedge-Alerts/1")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new ChannelFailedException("HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new ChannelFailedException(e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            throw new ChannelFailedException("Refused target: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailedException("Interrupted");
        }
    }

    private static String required(@Nullable String secret) {
        if (secret == null) {
            throw new IllegalStateException("A channel of this kind has a secret");
        }
        return secret;
    }

    /** A channel did not take the message; the message is safe to log and store. */
    static final class ChannelFailedException extends Exception {
        ChannelFailedException(String message) {
            super(message);
        }
    }
}
