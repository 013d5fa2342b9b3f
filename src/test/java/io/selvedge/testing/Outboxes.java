package io.selvedge.testing;

import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outboxes of every store, as tests wait on them. */
public final class Outboxes {

    private Outboxes() {}

    /** Publications not yet delivered to the listeners whose id is like the pattern, in every store. */
    public static long pending(Stores stores, String listenerLike, Instant since) {
        long pending = 0;
        for (Store store : stores.all()) {
            pending += JdbcClient.create(store.dataSource())
                    .sql("select count(*) from event_publication where completion_date is null and listener_id like ?"
                            + " and publication_date >= ?")
                    .params(listenerLike, Timestamp.from(since))
                    .query(Long.class)
                    .single();
        }
        return pending;
    }

    /** Waits (up to half a minute) until the notification listeners have handled every event since then. */
    public static void awaitNotificationsSince(Stores stores, Instant since) throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            if (pending(stores, "%NotificationListeners%", since) == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The notification listeners did not finish their events");
    }
}
