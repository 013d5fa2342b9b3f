package io.selvedge.storage.internal;

import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health per store on the management port: the database answers and the blob folder takes writes. */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    @Bean
    CompositeHealthContributor storesHealthContributor(Stores stores) {
        Map<String, HealthIndicator> perStore = new LinkedHashMap<>();
        for (Store store : stores.all()) {
            perStore.put(store.id().name(), () -> check(store));
        }
        return CompositeHealthContributor.fromMap(perStore);
    }

    private static Health check(Store store) {
        boolean databaseReachable = databaseReachable(store);
        boolean blobsWritable = blobFolderWritable(store.blobDirectory());
        Health.Builder health = databaseReachable && blobsWritable ? Health.up() : Health.down();
        return health.withDetail("database", databaseReachable ? "reachable" : "unreachable")
                .withDetail("blobFolder", blobsWritable ? "writable" : "not writable")
                .build();
    }

    private static boolean databaseReachable(Store store) {
        try (Connection connection = store.dataSource().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean blobFolderWritable(Path folder) {
        try {
            Path probe = Files.createTempFile(folder, ".health-", ".probe");
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
