package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.selvedge.content.ContentClient;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Errors that Tomcat answers before any filter of ours runs, and the refusals of the tus protocol, are
 * problem documents with the security headers too, as a raw TLS client sees them.
 */
@SelvedgeIntegrationTest
class ContainerErrorsIT {

    @Autowired
    TestServer server;

    @Autowired
    PlatformProperties platform;

    @Autowired
    ApplicationContext context;

    @Test
    void aHeaderPastTheLimitIsAProblemDocumentWithTheSecurityHeaders() {
        Answer answer = send("GET /healthz HTTP/1.1\r\nX-Filler: " + "a".repeat(20 * 1024));

        answer.assertProblem(400);
    }

    @Test
    void aNulInThePathIsAProblemDocumentWithTheSecurityHeaders() {
        send("GET /healthz%00 HTTP/1.1").assertProblem(400);
        send("GET /api/v1/me%00.json HTTP/1.1").assertProblem(400);
    }

    @Test
    void aPathClimbingAboveTheRootIsAProblemDocumentWithTheSecurityHeaders() {
        send("GET /%2e%2e/etc/passwd HTTP/1.1").assertProblem(400);
        send("GET /../etc/passwd HTTP/1.1").assertProblem(400);
    }

    @Test
    void aTusRequestWithoutItsVersionIsAProblemDocumentNamingTheVersion() {
        ContentClient ada = ContentClient.aCustomerWithAStyle(context::getBean, server.client(), server.port(), "us");

        Answer answer =
                send("POST /api/v1/uploads HTTP/1.1\r\nAuthorization: Bearer " + ada.token() + "\r\nUpload-Length: 10");

        answer.assertProblem(412);
        assertThat(answer.headers.firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat((String) JsonPath.read(answer.body, "$.detail")).contains("Tus-Resumable");
    }

    @Test
    void theSameRequestWithoutTheFaultIsServed() {
        // The requests above fail for their fault alone: without it, the same connection gets the page.
        assertThat(send("GET /healthz HTTP/1.1\r\nX-Filler: short").status).isEqualTo(200);
    }

    private Answer send(String head) {
        return Answer.of(TestHttps.sendFrom("127.0.0.1", platform.dataDir(), server.port(), head, ""));
    }

    /** A raw HTTP/1.1 answer, its status, headers and body. */
    record Answer(int status, HttpHeaders headers, String body, String raw) {

        static Answer of(String raw) {
            assertThat(raw).startsWith("HTTP/1.1 ");
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            HttpHeaders parsed = HttpHeaders.of(headers, (name, value) -> true);
            String body = raw.substring(end + 4);
            if (parsed.firstValue("Transfer-Encoding").orElse("").equalsIgnoreCase("chunked")) {
                body = dechunked(body);
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), parsed, body, raw);
        }

        private static String dechunked(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(
                        chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        void assertProblem(int expected) {
            assertThat(status).as(raw).isEqualTo(expected);
            assertThat(headers.firstValue("Content-Type"))
                    .as(raw)
                    .hasValueSatisfying(
                            type -> assertThat(type.toLowerCase(Locale.ROOT)).startsWith("application/problem+json"));
            assertThat((Integer) JsonPath.read(body, "$.status")).isEqualTo(expected);
            assertThat((String) JsonPath.read(body, "$.requestId")).isNotBlank();
            assertThat(body).doesNotContain("<html", "Tomcat", "Exception");
            SecurityHeadersIT.assertSecurityHeaders(headers);
        }
    }
}
