package io.selvedge.storage.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.storage.BackupManifest;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.StoreKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a backup into empty stores before the node opens them: checks the manifest (format, environment),
 * every file's hash, that each target database, blob store and data-directory file is empty or absent,
 * then migrates each database to the schema version the backup was read at, loads its rows, copies its
 * blobs and files. The node then opens the stores as after any start: migrations to the current version,
 * stamps checked against its environment and installation.
 */
@RequiredArgsConstructor
final class StoreRestore {

    private static final Logger log = LoggerFactory.getLogger(StoreRestore.class);

    private final PlatformProperties platform;
    private final StorageProperties storage;
    private final BlobStoreFactories blobFactories;

    void restore(Path from) throws IOException {
        BackupFolder folder = new BackupFolder(from);
        BackupManifest manifest = readManifest(folder);
        refuseOtherEnvironment(manifest, platform.environment());
        folder.verify(manifest);
        Path dataDir = platform.dataDir().toAbsolutePath().normalize();
        Map<BackupManifest.StoreEntry, StoreId> targets = new LinkedHashMap<>();
        for (BackupManifest.StoreEntry entry : manifest.stores()) {
            targets.put(entry, storeOf(entry.store()));
            refuseForeignStamps(folder, entry, manifest);
        }
        if (!targets.containsValue(StoreId.GLOBAL)) {
            requireGlobalOf(manifest.installationId(), dataDir);
        }
        List<Path> files = new ArrayList<>();
        for (String path : manifest.files().keySet()) {
            if (path.startsWith("files/")) {
                Path target = dataDir.resolve(path.substring("files/".length())).normalize();
                if (!target.startsWith(dataDir) || Files.exists(target)) {
                    throw new BackupRefusedException("the data directory already holds " + target
                            + ": restore goes into an empty data directory");
                }
                files.add(target);
            }
        }
        List<OpenedStore> opened = new ArrayList<>();
        try {
            for (Map.Entry<BackupManifest.StoreEntry, StoreId> target : targets.entrySet()) {
                opened.add(open(target.getValue(), dataDir, target.getKey()));
            }
            for (OpenedStore store : opened) {
                store.refuseUnlessEmpty();
            }
            for (OpenedStore store : opened) {
                store.load(folder, manifest);
                log.info("Restored the {} store", store.id);
            }
        } catch (SQLException e) {
            throw new IOException("The backup could not be loaded: " + e.getMessage(), e);
        } finally {
            opened.forEach(OpenedStore::close);
        }
        for (String path : manifest.files().keySet()) {
            if (path.startsWith("files/")) {
                Path target = dataDir.resolve(path.substring("files/".length())).normalize();
                Files.createDirectories(target.getParent());
                try (InputStream in = folder.open(path)) {
                    Files.copy(in, target);
                }
            }
        }
        log.info("Restored {} store(s) and {} file(s) from {}", opened.size(), files.size(), from);
    }

    static BackupManifest readManifest(BackupFolder folder) throws IOException {
        Path file = folder.root().resolve(BackupManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new BackupRefusedException(folder.root() + " holds no " + BackupManifest.FILE_NAME
                    + ": it is not a backup, or the backup did not finish");
        }
        BackupManifest manifest;
        try {
            manifest = StoreBackupService.JSON.readValue(file.toFile(), BackupManifest.class);
        } catch (RuntimeException e) {
            throw new BackupRefusedException("the backup's manifest cannot be read");
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new BackupRefusedException("the backup has format " + manifest.format() + "; this version of"
                    + " Selvedge restores format " + BackupManifest.FORMAT);
        }
        return manifest;
    }

    static void refuseOtherEnvironment(BackupManifest manifest, SelvedgeEnvironment node) {
        SelvedgeEnvironment backup;
        try {
            backup = SelvedgeEnvironment.fromId(manifest.environment());
        } catch (RuntimeException e) {
            throw new BackupRefusedException("the backup names no known environment");
        }
        if (backup.isProduction() && !node.isProduction()) {
            throw new BackupRefusedException("this is a backup of production, and this node runs as " + node.id()
                    + ": a production backup is restored only into production");
        }
        if (backup != node) {
            throw new BackupRefusedException("this is a backup of the " + backup.id() + " environment, and this"
                    + " node runs as " + node.id() + ": a backup is restored only into its own environment");
        }
    }

    /** The stamp rows inside the backup must name the environment and installation its manifest names. */
    private static void refuseForeignStamps(
            BackupFolder folder, BackupManifest.StoreEntry entry, BackupManifest manifest) throws IOException {
        String path = entry.store() + "/tables/" + StoreStamps.TABLE + ".jsonl";
        if (!manifest.files().containsKey(path)) {
            throw new BackupRefusedException("the backup of the " + entry.store() + " store has no stamp");
        }
        try (var lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(folder.open(path), java.nio.charset.StandardCharsets.UTF_8))) {
            List<String> columns = new ArrayList<>();
            StoreBackupService.LINES.readTree(lines.readLine()).get("columns").forEach(c -> columns.add(c.asString()));
            int environment = columns.indexOf("environment");
            int installation = columns.indexOf("installation_id");
            for (String line; (line = lines.readLine()) != null; ) {
                var row = StoreBackupService.LINES.readTree(line);
                if (!row.get(environment).asString().equals(manifest.environment())
                        || !row.get(installation).asString().equals(manifest.installationId())) {
                    throw new BackupRefusedException("the " + entry.store() + " store in the backup is stamped for"
                            + " the " + row.get(environment).asString() + " environment of installation "
                            + row.get(installation).asString() + ", not what its manifest says");
                }
            }
        }
    }

    private StoreId storeOf(String name) {
        if (name.equals(StoreId.GLOBAL.name())) {
            return StoreId.GLOBAL;
        }
        for (String region : storage.regions()) {
            if (StoreId.region(region).name().equals(name)) {
                return StoreId.region(region);
            }
        }
        throw new BackupRefusedException("the backup holds the store " + name + ", which this node does not"
                + " configure (SELVEDGE_REGIONS is " + String.join(",", storage.regions()) + ")");
    }

    /** A backup of one region goes into an installation whose global store is the one it came from. */
    private void requireGlobalOf(String installationId, Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(1);
        StoreCatalog.connect(config, storage.global(), dataDir.resolve("global"));
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Optional<StoreStamp> stamp = StoreStamps.read(dataSource);
            if (stamp.isEmpty() || !stamp.get().installationId().equals(installationId)) {
                throw new BackupRefusedException("this backup holds one region of installation " + installationId
                        + ", and the global store here belongs to "
                        + stamp.map(StoreStamp::installationId).orElse("no installation yet")
                        + ": restore the global store of that installation first");
            }
        }
    }

    private OpenedStore open(StoreId id, Path dataDir, BackupManifest.StoreEntry entry) throws IOException {
        Path home = id.kind() == StoreKind.GLOBAL
                ? dataDir.resolve("global")
                : dataDir.resolve("regions").resolve(id.region());
        StorageProperties.Connection connection =
                id.kind() == StoreKind.GLOBAL ? storage.global() : storage.connectionOf(id.region());
        Files.createDirectories(home);
        HikariConfig config = new HikariConfig();
        config.setPoolName("restore-" + id.name());
        config.setMaximumPoolSize(3); // Flyway holds a second connection while it migrates
        String location = StoreCatalog.connect(config, connection, home);
        HikariDataSource dataSource = new HikariDataSource(config);
        BlobStore blobs;
        try {
            blobs = blobFactories.open(id, connection, home);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new OpenedStore(id, entry, dataSource, blobs, location);
    }

    private static final class OpenedStore implements AutoCloseable {

        final StoreId id;
        final BackupManifest.StoreEntry entry;
        final HikariDataSource dataSource;
        final BlobStore blobs;
        final String location;

        OpenedStore(
                StoreId id,
                BackupManifest.StoreEntry entry,
                HikariDataSource dataSource,
                BlobStore blobs,
                String location) {
            this.id = id;
            this.entry = entry;
            this.dataSource = dataSource;
            this.blobs = blobs;
            this.location = location;
        }

        void refuseUnlessEmpty() throws SQLException, IOException {
            try (Connection connection = dataSource.getConnection()) {
                boolean anyTable = !StoreSnapshot.tablesOf(connection).isEmpty();
                try (var history = connection
                        .getMetaData()
                        .getTables(null, connection.getSchema(), "flyway_schema_history", null)) {
                    anyTable |= history.next();
                }
                if (anyTable) {
                    throw new BackupRefusedException("the database of the " + id + " store at " + location
                            + " is not empty: restore goes into empty databases");
                }
            }
            try (Stream<String> keys = blobs.list("")) {
                if (keys.findAny().isPresent()) {
                    throw new BackupRefusedException("the blob store of the " + id + " store at " + blobs.location()
                            + " is not empty: restore goes into empty blob stores");
                }
            }
        }

        void load(BackupFolder folder, BackupManifest manifest) throws SQLException, IOException {
            try {
                Flyway.configure()
                        .dataSource(dataSource)
                        .locations(StoreCatalog.locations(
                                dataSource, id.kind() == StoreKind.GLOBAL ? "db/global" : "db/regional"))
                        .target(entry.schemaVersion())
                        .load()
                        .migrate();
            } catch (FlywayException e) {
                throw new BackupRefusedException("the " + id + " store of the backup has schema version "
                        + entry.schemaVersion() + ", which this version of Selvedge cannot make ("
                        + e.getMessage() + "): restore with the version of Selvedge that took the backup, or a"
                        + " newer one");
            }
            try (Connection connection = dataSource.getConnection()) {
                String version = StoreSnapshot.readSchemaVersion(connection);
                if (StoreSnapshot.compareVersions(version, entry.schemaVersion()) != 0) {
                    throw new BackupRefusedException("the " + id + " store could be migrated to " + version
                            + " only, and the backup was taken at " + entry.schemaVersion());
                }
                new TableLoader(connection)
                        .load(folder, id.name() + "/tables/", entry.tables().keySet());
            }
            String prefix = id.name() + "/blobs/";
            for (String path : manifest.files().keySet()) {
                if (!path.startsWith(prefix)) {
                    continue;
                }
                String key = BlobKeys.validate(path.substring(prefix.length()));
                blobs.write(key, out -> {
                    try (InputStream in = folder.open(path)) {
                        in.transferTo(out);
                    }
                });
            }
        }

        @Override
        public void close() {
            dataSource.close();
            if (blobs instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn("Could not close the blob store of the {} store cleanly", id, e);
                }
            }
        }
    }
}
