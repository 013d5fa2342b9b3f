package io.selvedge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are: no resource URL encoding filter runs (each render would look every
 * link up in the jars), and the resource chain still serves a webjar's file by a version-free path.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class ResourceLinksIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestServer server;

    @Test
    @SuppressWarnings("rawtypes")
    void noFilterRewritesLinksAndWebjarsStillResolveWithoutTheirVersion() throws Exception {
        Map<String, FilterRegistrationBean> registrations = context.getBeansOfType(FilterRegistrationBean.class);
        assertThat(registrations.values())
                .filteredOn(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter)
                .singleElement()
                .satisfies(registration -> assertThat(registration.isEnabled()).isFalse());

        HttpResponse<String> htmx = server.client()
                .send(
                        HttpRequest.newBuilder(server.url("/webjars/htmx.org/dist/htmx.min.js"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");

        HttpResponse<String> signIn = server.client()
                .send(HttpRequest.newBuilder(server.url("/signin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("href=\"/css/");
    }
}
