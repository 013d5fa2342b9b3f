package io.selvedge.protection.internal;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * After a request whose body was refused (too large, too slow), tells Tomcat not to read the rest of it: the
 * answer is sent, then the connection closed. Without this Tomcat would drain the body (up to its swallow size)
 * to keep the connection, holding a thread for as long as a dripping client likes.
 */
class DroppedBodies extends ValveBase {

    static final String ATTRIBUTE = DroppedBodies.class.getName();

    DroppedBodies() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        if (request.getAttribute(ATTRIBUTE) != null) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
