package io.selvedge.protection.internal;

import io.selvedge.platform.NodeNotices;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notices within this node: its handlers run at once (one node, no {@code SELVEDGE_REDIS_URL}). */
class LocalNodeNotices implements NodeNotices {

    private static final Logger log = LoggerFactory.getLogger(LocalNodeNotices.class);

    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();

    @Override
    public void tell(String topic, String subject) {
        handle(topic, subject);
    }

    @Override
    public void onNotice(String topic, Consumer<String> handler) {
        handlers.computeIfAbsent(topic, name -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Runs the topic's handlers; one that fails does not keep the others from running. */
    void handle(String topic, String subject) {
        for (Consumer<String> handler : handlers.getOrDefault(topic, List.of())) {
            try {
                handler.accept(subject);
            } catch (RuntimeException e) {
                log.warn("A handler of the node notice topic {} failed", topic, e);
            }
        }
    }

    /** Every topic's handlers with {@link #EVERYTHING}, when notices may have been missed. */
    void handleEverything() {
        handlers.keySet().forEach(topic -> handle(topic, EVERYTHING));
    }
}
