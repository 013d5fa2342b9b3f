package io.selvedge.storage.internal;

import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.StoresReady;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.Stores;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The stores as beans. The global store's data source is the application's primary one (sessions, the
 * event publication registry); regional data sources are reached only through {@link Stores}.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean(destroyMethod = "close")
    StoreCatalog stores(
            PlatformProperties platform,
            StorageProperties storage,
            List<BlobStoreFactory> blobFactories,
            Environment environment) {
        RestoreCommandLine.restoreIfAsked(environment, platform, storage, new BlobStoreFactories(blobFactories));
        return new StoreCatalog(platform, storage, blobFactories);
    }

    @Bean
    StoresReady storesReady(Stores stores) {
        return new StoresReady() {};
    }

    @Bean
    @Primary
    DataSource globalDataSource(Stores stores) {
        return stores.global().dataSource();
    }
}
