package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Load balancers see a bare status; operators see each store's health and the metrics. */
@SelvedgeIntegrationTest
class HealthIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestServer server;

    HttpClient client;

    @BeforeEach
    void client() {
        client = server.client();
    }

    @Test
    void healthzSaysUpAndNothingMore() {
        HttpResponse<String> response = TestHttps.get(client, server.url("/healthz"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).propertyNames()).containsExactly("status");
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theManagementPortDetailsEveryStore() {
        HttpResponse<String> response =
                TestHttps.get(client, URI.create("https://127.0.0.1:" + server.managementPort() + "/health"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode stores =
                JSON.readTree(response.body()).path("components").path("stores").path("components");
        assertThat(stores.propertyNames()).containsExactlyInAnyOrder("global", "region-us", "region-eu", "region-apac");
        for (JsonNode store : stores) {
            assertThat(store.path("status").asString()).isEqualTo("UP");
            assertThat(store.path("details").path("database").asString()).isEqualTo("reachable");
            assertThat(store.path("details").path("blobStore").asString()).isEqualTo("writable");
        }
    }

    @Test
    void theManagementPortSaysEveryStoresKeyStoreIsUnsealed() {
        HttpResponse<String> response =
                TestHttps.get(client, URI.create("https://127.0.0.1:" + server.managementPort() + "/health"));

        JsonNode keys =
                JSON.readTree(response.body()).path("components").path("keys").path("components");
        assertThat(keys.propertyNames()).containsExactlyInAnyOrder("global", "region-us", "region-eu", "region-apac");
        for (JsonNode store : keys) {
            assertThat(store.path("status").asString()).isEqualTo("UP");
            assertThat(store.path("details").path("keyStore").asString()).isEqualTo("unsealed");
            assertThat(store.path("details").path("kms").asString()).isEqualTo("local");
            assertThat(store.path("details").path("keyEncryptionKey").asString())
                    .startsWith("kek-");
        }
    }

    @Test
    void theManagementPortServesPrometheusMetrics() {
        HttpResponse<String> response =
                TestHttps.get(client, URI.create("https://127.0.0.1:" + server.managementPort() + "/prometheus"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void theMainPortDoesNotServeManagementEndpoints() {
        HttpResponse<String> response = TestHttps.get(client, server.url("/prometheus"));

        assertThat(response.statusCode()).isNotEqualTo(200);
        assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
    }
}
