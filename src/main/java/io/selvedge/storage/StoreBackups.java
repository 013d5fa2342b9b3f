package io.selvedge.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Online backups of the stores: the rows of each database, read in one read-only snapshot
 * transaction per database, and the blobs of each store, copied as they are stored (still encrypted).
 * The node keeps serving while a backup runs.
 *
 * <p>A backup is restored by starting a node with the {@code restore --from DIR} command, which loads it
 * into empty stores before they are opened (see README, "Backup and restore").
 */
public interface StoreBackups {

    /**
     * Writes a backup into {@code out}, which must be absent or empty; its {@link BackupManifest} is
     * written last.
     *
     * @param region null for every store, or only this region's store
     * @param dataDirFiles files under the data directory to copy as they are (sealed key stores), by
     *     their {@code /}-separated path in it; never a secret in clear
     * @param notes what the manifest describes but the backup does not hold
     * @param afterSnapshot runs once every database snapshot is open, before any row is written
     * @throws UnknownRegionException for a region that is not configured
     */
    BackupManifest backup(
            Path out,
            @Nullable String region,
            List<String> dataDirFiles,
            Map<String, String> notes,
            Runnable afterSnapshot)
            throws IOException;
}
