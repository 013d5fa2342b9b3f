package io.selvedge.backup.internal;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.platform.OperatorCommand;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.storage.BackupManifest;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreBackups;
import io.selvedge.storage.Stores;
import io.selvedge.storage.UnknownRegionException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** {@code backup --out DIR [--region R]}: an online backup of the stores and the sealed key stores. */
@Component
@RequiredArgsConstructor
class BackupCommand implements OperatorCommand {

    private final StoreBackups backups;
    private final Stores stores;
    private final CryptoProperties crypto;
    private final PlatformProperties platform;

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar selvedge.jar backup --out DIR [--region R]

                Writes a consistent backup of the global store and every region's store (or only region R)
                into DIR, which must be new or empty, while the node keeps serving: each database's rows as
                one snapshot (JSON Lines per table, ciphertexts as they are stored), each store's blobs
                (still encrypted), the local key stores (sealed by the master key) and a manifest.json with
                the SHA-256 of every file, the environment and the installation. The master key is never in
                a backup: keep it apart (README, "Backup and restore").
                Exit code 0 when written, 1 when it failed, 2 for a usage error.
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        Path dir = null;
        String region = null;
        for (int i = 0; i < arguments.size(); i += 2) {
            if (i + 1 >= arguments.size()) {
                out.print(usage());
                return 2;
            }
            switch (arguments.get(i)) {
                case "--out" -> dir = Path.of(arguments.get(i + 1));
                case "--region" -> region = arguments.get(i + 1);
                default -> {
                    out.print(usage());
                    return 2;
                }
            }
        }
        if (dir == null) {
            out.print(usage());
            return 2;
        }
        try {
            BackupManifest manifest = backup(dir, region, () -> {});
            out.printf(
                    "Backup of installation %s (%s) written to %s:%n",
                    manifest.installationId(), manifest.environment(), dir.toAbsolutePath());
            for (BackupManifest.StoreEntry store : manifest.stores()) {
                out.printf(
                        "  %-12s schema %s, %d rows in %d tables, %d blobs%n",
                        store.store(),
                        store.schemaVersion(),
                        store.tables().values().stream()
                                .mapToLong(Long::longValue)
                                .sum(),
                        store.tables().size(),
                        store.blobs());
            }
            manifest.notes().forEach((what, where) -> out.printf("  %s: %s%n", what, where));
            out.printf(
                    "%d files, each with its SHA-256 in manifest.json.%n",
                    manifest.files().size());
            return 0;
        } catch (UnknownRegionException e) {
            out.println("Unknown region: " + region);
            return 2;
        } catch (Exception e) {
            out.println("The backup failed: " + e.getMessage());
            return 1;
        }
    }

    /** Takes the backup; {@code afterSnapshot} runs once the database snapshots are open. */
    BackupManifest backup(Path dir, @Nullable String region, Runnable afterSnapshot) throws Exception {
        List<Store> chosen = region == null ? stores.all() : List.of(stores.region(region));
        KeyStoreDescriptions keys = new KeyStoreDescriptions(crypto, platform, chosen);
        return backups.backup(dir, region, keys.files(), keys.notes(), afterSnapshot);
    }
}
