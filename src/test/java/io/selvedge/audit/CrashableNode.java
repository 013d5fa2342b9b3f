package io.selvedge.audit;

import io.selvedge.identity.AccountRegistration;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.TargetNames;
import io.selvedge.tenancy.NodeCreated;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.testing.TestServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * A node run in a JVM of its own by {@link AuditKillIT}, to be killed: {@code hold USERNAME PASSWORD
 * --setting=value...} registers the account and holds the audit listener for ever when it writes an entry
 * of a company (so nothing of a company can reach the trail but through the outbox); {@code serve
 * --setting=value...} is the same node restarted, untouched. Prints {@code READY <port>} once it listens,
 * then runs until it is killed. {@code hold-completion USERNAME PASSWORD ...} lets the audit listener write a
 * company's entry but holds the outbox when it would mark that delivery complete, so a kill leaves an
 * entry written whose publication is still to deliver.
 */
public final class CrashableNode {

    static final String READY = "READY ";
    static final String HELD = "HELD ";

    private CrashableNode() {}

    public static void main(String[] args) throws Exception {
        boolean holdCompletion = args[0].equals("hold-completion");
        boolean hold = args[0].equals("hold") || holdCompletion;
        int first = hold ? 3 : 1;
        TestServer.Settings settings = TestServer.with();
        for (int i = first; i < args.length; i++) {
            String setting = args[i].substring(2);
            int equals = setting.indexOf('=');
            settings.property(setting.substring(0, equals), setting.substring(equals + 1));
        }
        if (holdCompletion) {
            settings.bean("heldCompletion", new HeldCompletion());
        } else if (hold) {
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

    /** Says what is held, then never returns: only the kill ends it. */
    static void holdUntilKilled(String what) {
        System.out.println(HELD + what);
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

    /** The audit listener looks up a target's name before it writes: for a company, it never returns. */
    static final class HeldAudit implements TargetNames, Ordered {

        @Override
        public Optional<String> nameOf(AuditTarget target) {
            if (target.kind().equals("company")) {
                holdUntilKilled(String.valueOf(target.id()));
            }
            return Optional.empty();
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /**
     * Wraps the outbox: a publication of a company's creation to the audit listener is never marked
     * complete (the call holds until the process is killed), though the listener wrote its entry.
     */
    static final class HeldCompletion implements BeanPostProcessor {

        private final Set<UUID> held = ConcurrentHashMap.newKeySet();

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof EventPublicationRepository)) {
                return bean;
            }
            return Proxy.newProxyInstance(
                    bean.getClass().getClassLoader(), bean.getClass().getInterfaces(), (proxy, method, arguments) -> {
                        if (method.getName().equals("create")
                                && arguments[0] instanceof TargetEventPublication publication
                                && publication.getEvent() instanceof NodeCreated created
                                && created.kind() == NodeKind.COMPANY
                                && publication.getTargetIdentifier().getValue().equals("io.selvedge.audit.trail")) {
                            held.add(publication.getIdentifier());
                        }
                        if (method.getName().equals("markCompleted") && concernsHeld(arguments)) {
                            holdUntilKilled("completion");
                        }
                        try {
                            return method.invoke(bean, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private boolean concernsHeld(Object[] arguments) {
            Object first = arguments[0];
            if (first instanceof UUID id) {
                return held.contains(id);
            }
            if (first instanceof TargetEventPublication publication) {
                return held.contains(publication.getIdentifier());
            }
            return first instanceof NodeCreated created
                    && created.kind() == NodeKind.COMPANY
                    && arguments[1] instanceof PublicationTargetIdentifier target
                    && target.getValue().equals("io.selvedge.audit.trail");
        }
    }
}
