package io.selvedge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.platform.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

class RefusalPagesTest {

    private final RefusalPages pages = new RefusalPages();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shared/page");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void aRefusalThePageSaysIsItsTemplateWithTheStatusAndDetail() throws Exception {
        ModelAndView page =
                pages.refused(new Refusal.Gone("This link is no longer valid."), on(LinkPage.class), request, response);

        assertThat(page.getViewName()).isEqualTo("link-gone");
        assertThat(page.getStatus()).isEqualTo(HttpStatus.GONE);
        assertThat(response.getStatus()).isEqualTo(410);
        assertThat(page.getModel())
                .containsEntry("status", 410)
                .containsEntry("detail", "This link is no longer valid.");
        assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aRefusalThePageDoesNotSayIsTheProblemDocumentWithItsHeaders() throws Exception {
        ModelAndView page = pages.refused(
                new Refusal.TooManyRequests("Too many wrong passwords.", Duration.ofSeconds(3)),
                on(LinkPage.class),
                request,
                response);

        assertThat(page).isNull();
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentAsString())
                .contains("\"detail\":\"Too many wrong passwords.\"")
                .contains("\"retryAfterSeconds\":3");
    }

    @Test
    void aControllerWithoutAPageAnswersTheProblemDocument() throws Exception {
        ModelAndView page =
                pages.refused(new Refusal.NotFound("No such thing."), on(PlainPage.class), request, response);

        assertThat(page).isNull();
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getContentAsString()).contains("\"status\":404");
    }

    @Test
    void aPackageNamesThePageOfAllItsControllers() throws Exception {
        RefusalPage page = RefusalPages.pageOf(Class.forName("io.selvedge.web.style.StylePage"));

        assertThat(page).isNotNull();
        assertThat(page.value()).isEqualTo("style/not-found");
        assertThat(page.statuses()).containsExactly(404);
    }

    private static HandlerMethod on(Class<?> controller) throws NoSuchMethodException {
        return new HandlerMethod(new Object(), Object.class.getMethod("toString")) {
            @Override
            public Class<?> getBeanType() {
                return controller;
            }
        };
    }

    @RefusalPage(
            value = "link-gone",
            statuses = {404, 410},
            secretInAddress = true)
    static class LinkPage {}

    static class PlainPage {}
}
