package io.selvedge.storage.internal;

import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.BackupManifest;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.NoSuchBlobException;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreBackups;
import io.selvedge.storage.StoreKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a backup while the node serves: opens a snapshot of every database first, then writes their rows
 * and copies the blobs. A blob is stored before the row that names it is committed, so every blob the
 * snapshot refers to is in the store when it is listed; blobs written after the snapshot may be copied
 * too, and are then files without rows, which the orphan purge removes after a restore.
 */
@Component
@RequiredArgsConstructor
class StoreBackupService implements StoreBackups {

    private static final Logger log = LoggerFactory.getLogger(StoreBackupService.class);

    static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    static final JsonMapper LINES = JsonMapper.builder().build();

    private final StoreCatalog stores;
    private final PlatformProperties platform;

    @Override
    public BackupManifest backup(
            Path out,
            @Nullable String region,
            List<String> dataDirFiles,
            Map<String, String> notes,
            Runnable afterSnapshot)
            throws IOException {
        List<Store> chosen = region == null ? stores.all() : List.of(stores.region(region));
        refuseUnlessEmpty(out);
        BackupFolder folder = new BackupFolder(out);
        String createdAt = Instant.now().toString();
        List<StoreSnapshot> snapshots = new ArrayList<>();
        List<BackupManifest.StoreEntry> entries = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        try {
            for (Store store : chosen) {
                snapshots.add(new StoreSnapshot(store.dataSource()));
            }
            afterSnapshot.run();
            for (int i = 0; i < chosen.size(); i++) {
                entries.add(write(chosen.get(i), snapshots.get(i), folder, leftOut));
            }
        } catch (SQLException e) {
            throw new IOException("A store could not be read for the backup: " + e.getMessage(), e);
        } finally {
            for (StoreSnapshot snapshot : snapshots) {
                try {
                    snapshot.close();
                } catch (SQLException e) {
                    log.warn("Could not end a backup's snapshot cleanly", e);
                }
            }
        }
        Path dataDir = platform.dataDir().toAbsolutePath().normalize();
        for (String file : dataDirFiles) {
            try (InputStream in = Files.newInputStream(dataDir.resolve(file));
                    OutputStream copy = folder.create("files/" + file)) {
                in.transferTo(copy);
            }
        }
        BackupManifest manifest = new BackupManifest(
                BackupManifest.FORMAT,
                createdAt,
                platform.environment().id(),
                stores.installationId(),
                entries,
                withLeftOut(notes, leftOut),
                Map.copyOf(folder.written()));
        Path temporary = out.resolve(BackupManifest.FILE_NAME + ".tmp");
        JSON.writeValue(temporary.toFile(), manifest);
        Files.move(temporary, out.resolve(BackupManifest.FILE_NAME));
        log.info("Backup of {} store(s) written to {}", entries.size(), out);
        return manifest;
    }

    private BackupManifest.StoreEntry write(
            Store store, StoreSnapshot snapshot, BackupFolder folder, List<String> leftOut)
            throws SQLException, IOException {
        String name = store.id().name();
        Map<String, Long> tables = new LinkedHashMap<>();
        Set<String> selvedges = SelvedgeTables.of(store.id().kind());
        for (String table : snapshot.tables()) {
            if (!selvedges.contains(table.toLowerCase(Locale.ROOT))) {
                log.warn(
                        "The {} store's table {} is not one Selvedge makes: it is left out of the backup", name, table);
                leftOut.add(name + "." + table);
                continue;
            }
            try (OutputStream out = folder.create(name + "/tables/" + table + ".jsonl")) {
                tables.put(table, snapshot.writeTable(table, out, LINES));
            }
        }
        BlobStore blobs = store.id().kind() == StoreKind.GLOBAL
                ? store.blobs()
                : stores.unguardedBlobs(store.id().region());
        long copied = 0;
        try (Stream<String> keys = blobs.list("")) {
            for (Iterator<String> it = keys.iterator(); it.hasNext(); ) {
                String key = it.next();
                try (InputStream in = blobs.open(key);
                        OutputStream out = folder.create(name + "/blobs/" + key)) {
                    in.transferTo(out);
                    copied++;
                } catch (NoSuchBlobException gone) {
                    // Deleted since it was listed (a purge): its rows were deleted before it, after the snapshot.
                    log.warn("A blob of the {} store was deleted while the backup ran; it is not in the backup", name);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new BackupManifest.StoreEntry(name, snapshot.schemaVersion(), tables, copied);
    }

    private static void refuseUnlessEmpty(Path out) throws IOException {
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new BackupRefusedException(out + " is a file, not a folder");
            }
            try (Stream<Path> inside = Files.list(out)) {
                if (inside.findAny().isPresent()) {
                    throw new BackupRefusedException(out + " is not empty: a backup goes into a new folder");
                }
            }
        }
        Files.createDirectories(out);
    }

    /** The notes, and the tables left out of the backup (not Selvedge's), if any. */
    private static Map<String, String> withLeftOut(Map<String, String> notes, List<String> leftOut) {
        if (leftOut.isEmpty()) {
            return Map.copyOf(notes);
        }
        Map<String, String> all = new LinkedHashMap<>(notes);
        all.put("tables left out (not made by Selvedge)", String.join(", ", leftOut));
        return Map.copyOf(all);
    }
}
