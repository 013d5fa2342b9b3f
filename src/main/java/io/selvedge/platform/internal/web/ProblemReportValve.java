package io.selvedge.platform.internal.web;

import io.micrometer.core.instrument.Metrics;
import io.selvedge.platform.Problems;
import io.selvedge.platform.RequestIds;
import io.selvedge.platform.SecurityHeaders;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report, for what Tomcat refuses before any filter of ours runs (a header past the
 * limit, {@code %00} or {@code /%2e%2e/} in the path, a request line it cannot parse): a problem
 * document with the security headers, in place of Tomcat's HTML page. Answers that already have a
 * body (all of Spring's) are left as they are, as Tomcat's own valve leaves them.
 */
class ProblemReportValve extends ErrorReportValve {

    static final String REFUSED =
            "The request cannot be read: its line, a header or its path is malformed or too large.";

    ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return; // the connection is gone: nobody would read the report
        }
        // Counted: mostly heads past the connector's limits (size, count of headers, request line).
        Metrics.counter("selvedge.container.refused", "status", Integer.toString(status))
                .increment();
        String requestId = RequestIds.of(request);
        if (requestId == null) {
            requestId = RequestIds.newId();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detailOf(status));
        problem.setProperty("requestId", requestId);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            SecurityHeaders.all().forEach(response::setHeader);
            response.setHeader(RequestIds.HEADER, requestId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Problems.json(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGoneOrAnswerUnderWay) {
            // as Tomcat's own report: nothing more can be said on this connection
        }
    }

    private static String detailOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (status >= 500) {
            return "Something went wrong on our side. Quote the request id.";
        }
        if (status == 400) {
            return REFUSED;
        }
        return known == null ? "The request was refused." : known.getReasonPhrase();
    }
}
