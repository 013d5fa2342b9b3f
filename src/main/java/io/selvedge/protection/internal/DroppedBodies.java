package io.selvedge.protection.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a request whose body was refused, tells Tomcat not to read the rest of it: the answer is sent, then the
 * connection closed. Without this Tomcat would drain the body (up to its swallow size) to keep the connection,
 * holding a thread for as long as a dripping client likes.
 *
 * <p>A body refused for its size ({@link Rest#LINGER}) is closed the way nginx closes one: the answer is flushed,
 * then what the client goes on sending is read and dropped for a short, bounded while. Closing a socket with
 * unread bytes makes the kernel reset it, and a client still sending its body then loses the answer it was
 * about to read. A body refused for dripping ({@link Rest#CUT}) is not waited for at all.
 */
class DroppedBodies extends ValveBase {

    static final String ATTRIBUTE = DroppedBodies.class.getName();

    /** What becomes of the rest of a refused body: the value of {@link #ATTRIBUTE}. */
    enum Rest {
        /** Read and dropped, within {@link #LINGER_TIME} and {@link #LINGER_BYTES}, then the connection closed. */
        LINGER,
        /** Not waited for: the connection is closed at once. */
        CUT
    }

    static final Duration LINGER_TIME = Duration.ofSeconds(5);
    static final long LINGER_BYTES = 8L * 1024 * 1024;

    DroppedBodies() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (!(request.getAttribute(ATTRIBUTE) instanceof Rest rest)) {
            return;
        }
        // HTTP/2 resets the one stream; only an HTTP/1.1 connection is closed under the client's feet.
        if (rest == Rest.LINGER && "HTTP/1.1".equals(request.getProtocol())) {
            linger(request, response);
        }
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }

    private static void linger(Request request, Response response) {
        try {
            response.flushBuffer();
            InputStream body = request.getInputStream();
            byte[] dropped = new byte[8192];
            long deadline = System.nanoTime() + LINGER_TIME.toNanos();
            long read = 0;
            while (read < LINGER_BYTES && System.nanoTime() < deadline) {
                int n = body.read(dropped);
                if (n < 0) {
                    return;
                }
                read += n;
            }
        } catch (IOException | IllegalStateException gone) {
            // The client went, or the body was read as characters: the connection is closed all the same.
        }
    }
}
