package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every error a client can provoke is a problem document with the right status, never a stack trace. */
@SelvedgeIntegrationTest
class ProblemDocumentsIT {

    @Autowired
    TestServer server;

    @Autowired
    PlatformProperties platform;

    HttpClient client;

    /** The JDK's HTTP/2 client gives up on a stream the server answers before the body is sent. */
    HttpClient http11;

    @BeforeEach
    void client() {
        client = server.client();
        http11 = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestHttps.trusting(TestHttps.developmentCertificate(platform.dataDir())))
                .build();
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResponse<String> response = post("/api/v1/setup/admin", "application/json", "{not json");

        assertProblem(response, 400);
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        HttpResponse<String> response = post("/api/v1/setup/admin", "text/plain", "hello");

        assertProblem(response, 415);
    }

    @Test
    void aDeclaredBodyPastTheLimitIs413BeforeItIsRead() {
        String huge = "{\"setupToken\":\"" + "x".repeat(1536 * 1024) + "\"}";

        HttpRequest request = HttpRequest.newBuilder(server.url("/api/v1/setup/admin"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(huge))
                .build();

        assertProblem(TestHttps.send(http11, request), 413);
    }

    @Test
    void aChunkedBodyPastTheLimitIs413() {
        String huge = "{\"setupToken\":\"" + "x".repeat(1536 * 1024) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(server.url("/api/v1/setup/admin"))
                .header("Content-Type", "application/json")
                .POST(unknownLength(BodyPublishers.ofString(huge)))
                .build();

        assertProblem(TestHttps.send(http11, request), 413);
    }

    @Test
    void aMissingFieldIsABadRequestNamingNoInternals() {
        HttpResponse<String> response = post("/api/v1/setup/admin", "application/json", "{\"username\":\"ada\"}");

        assertProblem(response, 400);
    }

    @Test
    void anUnknownPathForASignedInPersonIs404() {
        HttpResponse<String> response = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/no/such/page"))
                        .header("Accept", "application/json")
                        .build());

        // Not signed in: the API surface says 401 without revealing whether the path exists.
        assertProblem(response, 401);
    }

    @Test
    void aWrongMethodIs405() {
        HttpResponse<String> response = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/api/v1/setup/admin")).GET().build());

        assertProblem(response, 405);
    }

    @Test
    void aStateChangingWebRequestWithoutItsCsrfTokenIsRefused() {
        HttpResponse<String> response = TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url("/healthz"))
                        .method("DELETE", BodyPublishers.noBody())
                        .build());

        assertProblem(response, 403);
    }

    private void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"status\":" + status)
                .contains("\"requestId\"")
                .doesNotContain("Exception")
                .doesNotContain("at io.selvedge")
                .doesNotContain("trace");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(response.body())
                .contains(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    private HttpResponse<String> post(String path, String contentType, String body) {
        return TestHttps.send(
                client,
                HttpRequest.newBuilder(server.url(path))
                        .header("Content-Type", contentType)
                        .POST(BodyPublishers.ofString(body))
                        .build());
    }

    private static HttpRequest.BodyPublisher unknownLength(HttpRequest.BodyPublisher publisher) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                publisher.subscribe(subscriber);
            }
        };
    }
}
