package io.selvedge.storage;

import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written last as {@code manifest.json} in its folder: the environment and
 * installation it was taken from, each store with the schema version its rows were read at, and the
 * SHA-256 of every file in the backup. Restore refuses a backup whose files do not match it.
 *
 * @param format the layout version of the backup folder ({@link #FORMAT})
 * @param createdAt when the database snapshots were opened (ISO-8601)
 * @param environment the environment of the installation that was backed up ({@code production}, ...)
 * @param notes what the backup describes but does not hold (where each key-encryption key lives)
 * @param files every file of the backup by its path in the folder ({@code /}-separated)
 */
public record BackupManifest(
        int format,
        String createdAt,
        String environment,
        String installationId,
        List<StoreEntry> stores,
        Map<String, String> notes,
        Map<String, FileEntry> files) {

    public static final int FORMAT = 1;
    public static final String FILE_NAME = "manifest.json";

    /**
     * One store in the backup.
     *
     * @param store {@code global} or {@code region-eu}
     * @param schemaVersion the Flyway version the store's schema had when its rows were read
     * @param tables the rows of each table
     * @param blobs how many blobs were copied
     */
    public record StoreEntry(String store, String schemaVersion, Map<String, Long> tables, long blobs) {}

    /** One file's SHA-256 (hex) and size. */
    public record FileEntry(String sha256, long bytes) {}
}
