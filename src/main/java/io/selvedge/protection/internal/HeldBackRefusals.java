package io.selvedge.protection.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.protection.RouteClass;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every 429 counts towards the client's automatic block ({@link AutoBlocks#limited}), a throttle's as a rate
 * limit's. Refusals wait in the {@link Tarpit} for {@code delay} before they are sent:
 *
 * <ul>
 *   <li>every 429, whoever answered it (a rate limit, the sign-in or link-password throttle, a one-time code's),
 *       for at most its {@code Retry-After};
 *   <li>every answer to a wrong password: a sign-in's (its 401, or the form's redirect; {@link AutoBlocks} marks
 *       the request when identity reports the failure) and a share link's 401.
 * </ul>
 *
 * <p>A person refused has to wait that long anyway, or waits a second to be told a password was wrong; a client
 * guessing or flooding in a loop gets one answer a second per connection instead of hundreds, each costing the
 * server TLS, parsing, the refusal's own work and, for a guess, a password hash: what a legitimate user under
 * attack would otherwise wait behind.
 */
class HeldBackRefusals extends OncePerRequestFilter {

    /** Set by a rate limit that counted its 429 towards a block already. */
    static final String COUNTED = HeldBackRefusals.class.getName() + ".counted";

    /** Set on a request whose password was wrong, however it is answered (401, or the form's redirect). */
    static final String GUESS = HeldBackRefusals.class.getName() + ".guess";

    private final Tarpit tarpit;
    private final Duration delay;
    private final Counter heldBack;
    private final ClientAddressFilter addresses;
    private final AutoBlocks blocks;

    HeldBackRefusals(
            Tarpit tarpit, Duration delay, MeterRegistry meters, ClientAddressFilter addresses, AutoBlocks blocks) {
        this.tarpit = tarpit;
        this.delay = delay;
        this.heldBack = meters.counter("selvedge.rate.held-back");
        this.addresses = addresses;
        this.blocks = blocks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, delay.isZero() ? response : new Unflushed(request, response));
        boolean limited = response.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value();
        if (limited && request.getAttribute(COUNTED) == null) {
            // A throttle's 429 (sign-in, link password, one-time code) is a limit hit like a rate limit's.
            blocks.limited(AutoBlocks.addressId(addresses.clientOf(request)));
        }
        if (delay.isZero() || response.isCommitted() || request.isAsyncStarted() || !refused(request, response)) {
            return;
        }
        Duration wait = limited ? waitFor(response.getHeader(HttpHeaders.RETRY_AFTER)) : delay;
        if (tarpit.holdBack(request, wait, null)) {
            heldBack.increment();
        }
    }

    /** Marks the current request as a wrong password's, if there is one (a sign-in through the API or the form). */
    static void markGuess() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current) {
            current.getRequest().setAttribute(GUESS, Boolean.TRUE);
        }
    }

    /** A 429; a wrong password (a sign-in's, or a share link's 401). */
    private static boolean refused(HttpServletRequest request, HttpServletResponse response) {
        int status = response.getStatus();
        return status == HttpStatus.TOO_MANY_REQUESTS.value()
                || request.getAttribute(GUESS) != null
                || (status == HttpStatus.UNAUTHORIZED.value()
                        && RouteClass.of(request.getMethod(), request.getRequestURI()) == RouteClass.LINKS);
    }

    /**
     * Keeps a refusal in the response's buffer: Spring's message converters flush what they write, which would
     * commit it before it could be held back. Any other answer flushes as it asks.
     */
    private static final class Unflushed extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Unflushed(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        private boolean holding() {
            return refused(request, (HttpServletResponse) getResponse());
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holding()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new UnflushedStream(super.getOutputStream(), this);
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        if (!holding()) {
                            super.flush();
                        }
                    }
                };
            }
            return writer;
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {

        private final ServletOutputStream out;
        private final Unflushed response;

        UnflushedStream(ServletOutputStream out, Unflushed response) {
            this.out = out;
            this.response = response;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (!response.holding()) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!response.holding()) {
                out.close();
            }
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }

    private Duration waitFor(String retryAfter) {
        if (retryAfter == null) {
            return delay;
        }
        try {
            Duration told = Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            return told.compareTo(delay) < 0 ? told : delay;
        } catch (NumberFormatException | ArithmeticException date) {
            return delay;
        }
    }
}
