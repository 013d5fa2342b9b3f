package io.selvedge.monitoring.internal.routing;

import io.selvedge.crypto.MessageAuthentication;
import java.nio.charset.StandardCharsets;

/**
 * The signature of a generic webhook: header {@code X-Selvedge-Timestamp} (Unix seconds) and
 * {@code X-Selvedge-Signature: v1=<hex HMAC-SHA256 over "<timestamp>.<body>">} under the channel's secret. The
 * receiver recomputes it and rejects a stale timestamp (more than five minutes away from its clock), so a
 * captured request cannot be replayed later.
 */
final class WebhookSignature {

    static final String TIMESTAMP = "X-Selvedge-Timestamp";
    static final String SIGNATURE = "X-Selvedge-Signature";

    private WebhookSignature() {}

    /** The value of {@code X-Selvedge-Signature}. */
    static String of(String secret, long timestamp, String body) {
        return "v1="
                + MessageAuthentication.hmacSha256Hex(
                        secret.getBytes(StandardCharsets.UTF_8),
                        (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    }
}
