package io.selvedge.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ProblemDocumentsTest {

    private final ProblemDocuments problems = new ProblemDocuments();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/versions/v/content");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void anUnexpectedFailureBeforeAnythingWasSentIsABare500() throws Exception {
        ResponseEntity<ProblemDetail> answer =
                problems.unexpected(new IllegalStateException("the database said no"), request, response);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).doesNotContain("database");
    }

    @Test
    void aFailureAfterTheFileStartedIsLeftToTheContainerAndNothingIsAppended() throws Exception {
        byte[] firstSegment = "the first megabyte of a coat".getBytes(StandardCharsets.UTF_8);
        response.getOutputStream().write(firstSegment);
        response.flushBuffer();
        IOException damaged = new IOException("segment 1 failed authentication");

        assertThatThrownBy(() -> problems.unexpected(damaged, request, response))
                .isSameAs(damaged);
        assertThat(response.getContentAsByteArray()).isEqualTo(firstSegment);
    }

    @Test
    void aRefusalAnswersItsStatusAndDetailAsAProblemDocumentWithTheRequestId() {
        ResponseEntity<ProblemDetail> answer =
                problems.refused(new Refusal.Unauthorized("That username and password do not match."), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).isEqualTo("That username and password do not match.");
        assertThat(answer.getBody().getInstance()).hasToString("/api/v1/versions/v/content");
        assertThat(answer.getBody().getProperties()).containsKey("requestId");
    }

    @Test
    void aThrottledRefusalSaysItsWaitInTheHeaderAndInTheDocument() {
        ResponseEntity<ProblemDetail> answer = problems.refused(
                new Refusal.TooManyRequests("Too many reset requests.", Duration.ofMillis(1_200)), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(answer.getBody().getProperties()).containsEntry("retryAfterSeconds", 2L);
    }
}
