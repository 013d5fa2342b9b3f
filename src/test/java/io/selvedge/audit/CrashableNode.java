package io.selvedge.audit;

import io.selvedge.identity.AccountRegistration;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import io.selvedge.testing.TestServer;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.springframework.core.Ordered;

/**
 * A node run in a JVM of its own by {@link AuditKillIT}, to be killed: {@code hold USERNAME PASSWORD
 * --setting=value...} registers the account and holds the audit listener for ever when it writes an entry
 * of a company (so nothing of a company can reach the trail but through the outbox); {@code serve
 * --setting=value...} is the same node restarted, untouched. Prints {@code READY <port>} once it listens,
 * then runs until it is killed.
 */
public final class CrashableNode {

    static final String READY = "READY ";
    static final String HELD = "HELD ";

    private CrashableNode() {}

    public static void main(String[] args) throws Exception {
        boolean hold = args[0].equals("hold");
        int first = hold ? 3 : 1;
        TestServer.Settings settings = TestServer.with();
        for (int i = first; i < args.length; i++) {
            String setting = args[i].substring(2);
            int equals = setting.indexOf('=');
            settings.property(setting.substring(0, equals), setting.substring(equals + 1));
        }
        if (hold) {
            settings.bean("heldAudit", new HeldAudit());
        }
        TestServer server = settings.start();
        if (hold) {
            server.bean(AccountRegistration.class).register(args[1], args[2], null, args[1] + "@example.test");
        }
        System.out.println(READY + server.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** The audit listener looks up a target's name before it writes: for a company, it never returns. */
    static final class HeldAudit implements TargetNames, Ordered {

        @Override
        public Optional<String> nameOf(AuditTarget target) {
            if (target.kind().equals("company")) {
                System.out.println(HELD + target.id());
                System.out.flush();
                CountDownLatch never = new CountDownLatch(1);
                while (true) {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        // held all the same, until the process is killed
                    }
                }
            }
            return Optional.empty();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
