package io.selvedge.storage.internal;

import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Health per store on the management port: the database answers, and the blob store takes a write
 * now (a folder, or an S3 bucket that is reachable and accepts a probe object).
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    private static final Logger log = LoggerFactory.getLogger(StoreHealth.class);

    @Bean
    CompositeHealthContributor storesHealthContributor(Stores stores) {
        Map<String, HealthIndicator> perStore = new LinkedHashMap<>();
        for (Store store : stores.all()) {
            perStore.put(store.id().name(), () -> check(store));
        }
        return CompositeHealthContributor.fromMap(perStore);
    }

    static Health check(Store store) {
        boolean databaseReachable = databaseReachable(store);
        boolean blobsWritable = blobsWritable(store);
        Health.Builder health = databaseReachable && blobsWritable ? Health.up() : Health.down();
        return health.withDetail("database", databaseReachable ? "reachable" : "unreachable")
                .withDetail("blobStore", blobsWritable ? "writable" : "not writable")
                .withDetail("blobLocation", store.blobs().location())
                .build();
    }

    private static boolean databaseReachable(Store store) {
        try (Connection connection = store.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean blobsWritable(Store store) {
        try {
            store.blobs().checkWritable();
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("The blob store of the {} store does not take writes: {}", store.id(), e.toString());
            return false;
        }
    }
}
