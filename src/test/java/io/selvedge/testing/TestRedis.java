package io.selvedge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The Redis that runs on the build machines and in CI (127.0.0.1:6379), for the tests of shared counters. */
public final class TestRedis {

    public static final String URL = "redis://127.0.0.1:6379";

    private TestRedis() {}

    /** Whether a Redis answers PING at 127.0.0.1:6379. */
    static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(5);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    /** Skips a test on a developer's machine without Redis; in CI (where it is mandatory) it runs and fails. */
    public static final class AvailableCondition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (TestDatabase.isMandatory() || reachable()) {
                return ConditionEvaluationResult.enabled("Redis available");
            }
            return ConditionEvaluationResult.disabled(
                    "Redis is not reachable at 127.0.0.1:6379: the tests of counters shared across nodes are skipped"
                            + " here (in CI they are mandatory)");
        }
    }
}
