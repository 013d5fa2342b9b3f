package io.selvedge.platform.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectTargetTest {

    @Test
    void anOriginFormTargetIsKeptWithItsQuery() {
        assertThat(RedirectTarget.of("GET /workrooms/42/styles?season=SS26&page=2 HTTP/1.1"))
                .isEqualTo("/workrooms/42/styles?season=SS26&page=2");
    }

    @Test
    void anAbsoluteFormTargetKeepsOnlyItsPathAndQuery() {
        assertThat(RedirectTarget.of("GET http://evil.example/x?y=1 HTTP/1.1")).isEqualTo("/x?y=1");
        assertThat(RedirectTarget.of("GET http://evil.example HTTP/1.1")).isEqualTo("/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET @evil.example/ HTTP/1.1",
                "GET .evil.example/ HTTP/1.1",
                "GET //evil.example/ HTTP/1.1",
                "CONNECT evil.example:443 HTTP/1.1",
                "OPTIONS * HTTP/1.1",
                "GET /a b HTTP/1.1",
                "GET /a\r\nLocation: x HTTP/1.1",
                "GET /\u00e9 HTTP/1.1",
                "GET / HTTP/2.0",
                "nonsense"
            })
    void aTargetThatIsNotAPathOnThisHostIsRefused(String requestLine) {
        assertThat(RedirectTarget.of(requestLine)).isNull();
    }
}
