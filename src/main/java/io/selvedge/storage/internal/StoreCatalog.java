package io.selvedge.storage.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.StoreKind;
import io.selvedge.storage.Stores;
import io.selvedge.storage.UnknownRegionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens every store, checks its stamp against this node before anything is written to it, runs the
 * migrations of its kind and stamps a new store. The global store goes first: its stamp names the
 * installation that every regional store must belong to.
 */
final class StoreCatalog implements Stores, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreCatalog.class);

    private final Store global;
    private final Map<String, Store> regions = new LinkedHashMap<>();
    private final Map<String, BlobStore> regionBackends = new LinkedHashMap<>();
    private final Map<String, ResidentGroups> residents = new LinkedHashMap<>();
    private final String installationId;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final BlobStoreFactories blobFactories;

    StoreCatalog(PlatformProperties platform, StorageProperties storage, List<BlobStoreFactory> blobFactories) {
        BlobStoreFactories.refuseSettingsOfUnknownRegions(storage);
        Path dataDir = platform.dataDir().toAbsolutePath().normalize();
        SelvedgeEnvironment environment = platform.environment();
        this.blobFactories = new BlobStoreFactories(blobFactories);
        try {
            Path globalHome = dataDir.resolve("global");
            BlobStore globalBlobs = openBlobs(StoreId.GLOBAL, storage.global(), globalHome);
            global = open(
                    StoreId.GLOBAL,
                    storage.global(),
                    globalHome,
                    storage.poolSize(),
                    dataSource -> GuardedBlobStore.global(globalBlobs));
            installationId = prepare(global, environment, null);
            Map<String, Store> regional = new LinkedHashMap<>();
            for (String region : storage.regions()) {
                StoreId id = StoreId.region(region);
                Path home = dataDir.resolve("regions").resolve(region);
                BlobStore backend = openBlobs(id, storage.connectionOf(region), home);
                Store store = open(id, storage.connectionOf(region), home, storage.poolSize(), dataSource -> {
                    ResidentGroups groups = new ResidentGroups(id, dataSource);
                    residents.put(region, groups);
                    return GuardedBlobStore.regional(backend, groups);
                });
                regional.put(region, store);
                regionBackends.put(region, backend);
            }
            prepareSideBySide(regional.values(), environment, installationId);
            regions.putAll(regional);
            BlobStoreFactories.refuseSharedBlobStores(all());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info(
                "Stores ready for the {} environment: {}",
                environment.id(),
                all().stream().map(Store::location).toList());
    }

    private BlobStore openBlobs(StoreId id, StorageProperties.Connection connection, Path home) {
        BlobStore blobs = blobFactories.open(id, connection, home);
        if (blobs instanceof AutoCloseable closeable) {
            opened.add(closeable);
        }
        return blobs;
    }

    private Store open(
            StoreId id,
            StorageProperties.Connection connection,
            Path home,
            int poolSize,
            Function<DataSource, BlobStore> blobs) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the store folder " + home, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("store-" + id.name());
        config.setMaximumPoolSize(poolSize);
        // Idle connections are kept few: an installation has a pool per store, and regions may share a server.
        config.setMinimumIdle(Math.min(2, poolSize));
        String location = connect(config, connection, home);
        HikariDataSource dataSource = new HikariDataSource(config);
        opened.add(dataSource);
        return new Store(id, dataSource, blobs.apply(dataSource), location);
    }

    /** Points the pool at the store's database (the embedded H2 file under {@code home} by default); returns its location. */
    static String connect(HikariConfig config, StorageProperties.Connection connection, Path home) {
        if (connection.isConfigured()) {
            config.setJdbcUrl(connection.jdbcUrl());
            config.setUsername(connection.username());
            config.setPassword(connection.password());
            return withoutParameters(connection.jdbcUrl());
        } else {
            // WRITE_DELAY=0: each commit is written to the file before it returns. H2's default writes
            // commits in the background every half second, so a killed process lost the last ones, answered
            // actions and their outbox events alike (AuditKillIT).
            config.setJdbcUrl("jdbc:h2:file:" + home.resolve("selvedge")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
            config.setUsername("sa");
            return home.toString();
        }
    }

    /** Checks or writes the stamp around the migrations; returns the installation id found or made. */
    private static String prepare(Store store, SelvedgeEnvironment environment, String installationId) {
        Optional<StoreStamp> stamp = StoreStamps.read(store.dataSource());
        stamp.ifPresent(found -> StoreStamps.check(found, store.id(), store.location(), environment, installationId));
        String migrations = store.id().kind() == StoreKind.GLOBAL ? "db/global" : "db/regional";
        Flyway.configure()
                .dataSource(store.dataSource())
                .locations(locations(store.dataSource(), migrations))
                .load()
                .migrate();
        if (stamp.isPresent()) {
            return stamp.get().installationId();
        }
        String id = installationId != null ? installationId : UUID.randomUUID().toString();
        StoreStamps.write(store.dataSource(), store.id(), environment, id);
        log.info("Stamped the new {} store for the {} environment", store.id(), environment.id());
        return id;
    }

    /**
     * Checks and migrates the regional stores side by side, each on a thread of its own: they are independent
     * once the global store has named the installation, and on a new data directory their migrations are a
     * good part of a start. Every store is checked before anything is written to it, as in {@link #prepare};
     * the first failure is thrown once all have ended.
     */
    private static void prepareSideBySide(
            Collection<Store> stores, SelvedgeEnvironment environment, String installationId) {
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, stores.size()), task -> {
            Thread thread = new Thread(task, "store-preparation");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<String>> preparations = new ArrayList<>();
            for (Store store : stores) {
                preparations.add(threads.submit(() -> prepare(store, environment, installationId)));
            }
            Throwable failure = null;
            for (Future<String> preparation : preparations) {
                try {
                    preparation.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause();
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while preparing the regional stores", e);
                }
            }
            if (failure instanceof RuntimeException refused) {
                throw refused;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException("Could not prepare a regional store", failure);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * The migrations of a store: the common ones, and on PostgreSQL also those of {@code <folder>-postgresql}
     * (indexes H2 does not have, such as GIN), numbered in the same sequence.
     */
    static String[] locations(DataSource dataSource, String folder) {
        String common = "classpath:" + folder;
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new String[] {common, common + "-postgresql"}
                    : new String[] {common};
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the store to migrate it", e);
        }
    }

    /** The URL without its parameters, which may hold credentials. */
    private static String withoutParameters(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(separator);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    @Override
    public Store global() {
        return global;
    }

    @Override
    public Store region(String region) {
        Store store = regions.get(region);
        if (store == null) {
            throw new UnknownRegionException(region);
        }
        return store;
    }

    @Override
    public Set<String> regions() {
        return new LinkedHashSet<>(regions.keySet());
    }

    @Override
    public List<Store> all() {
        List<Store> all = new ArrayList<>();
        all.add(global);
        all.addAll(regions.values());
        return all;
    }

    @Override
    public String installationId() {
        return installationId;
    }

    /** A region's blob store without the residency guard: for the residency scan only. */
    BlobStore unguardedBlobs(String region) {
        region(region);
        return regionBackends.get(region);
    }

    ResidentGroups residents(String region) {
        region(region);
        return residents.get(region);
    }

    @Override
    public void close() {
        for (AutoCloseable resource : opened) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {} cleanly", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
