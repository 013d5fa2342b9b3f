package io.selvedge.monitoring.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.crypto.MessageAuthentication;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsHmacSha256OverTheTimestampADotAndTheBodyInLowerCaseHex() {
        // Computed independently: python3 hmac.new(secret, b'1767225600.{"alertId":"x"}', sha256).hexdigest()
        assertThat(WebhookSignature.of("0123456789abcdef0123456789abcdef", 1767225600L, "{\"alertId\":\"x\"}"))
                .isEqualTo("v1=dff35fafd58702a8066bc6e043188f177ca27163f92dec9d574b41df4c8e2028");
    }

    @Test
    void theMacIsTheStandardHmacSha256() {
        // The RFC 4231-style example every HMAC library documents.
        assertThat(MessageAuthentication.hmacSha256Hex(
                        "key".getBytes(StandardCharsets.UTF_8),
                        "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anotherTimestampOrBodyOrSecretSignsDifferently() {
        String signed = WebhookSignature.of("secret-one", 1767225600L, "{}");
        assertThat(WebhookSignature.of("secret-one", 1767225601L, "{}")).isNotEqualTo(signed);
        assertThat(WebhookSignature.of("secret-one", 1767225600L, "{ }")).isNotEqualTo(signed);
        assertThat(WebhookSignature.of("secret-two", 1767225600L, "{}")).isNotEqualTo(signed);
    }

    @Test
    void newSecretsAreLongAndDiffer() {
        assertThat(MessageAuthentication.newSecret()).hasSize(64).isNotEqualTo(MessageAuthentication.newSecret());
    }
}
