package io.selvedge.storage.internal;

import io.selvedge.platform.Commands;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StorageProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * {@code restore --from DIR} loads the backup before the stores are opened: opening stamps and migrates a
 * new store, after which it would no longer be empty. The {@code restore} operator command then runs in
 * the context opened on the restored stores (it verifies the audit trails).
 */
final class RestoreCommandLine {

    static final String COMMAND = "restore";

    private RestoreCommandLine() {}

    static void restoreIfAsked(
            Environment environment,
            PlatformProperties platform,
            StorageProperties storage,
            BlobStoreFactories blobFactories) {
        if (!COMMAND.equals(environment.getProperty(Commands.COMMAND_PROPERTY))) {
            return;
        }
        String words = environment.getProperty("selvedge.command-arguments", "");
        List<String> arguments = words.isEmpty() ? List.of() : Arrays.asList(words.split("\u001f"));
        if (arguments.contains("--help") || arguments.contains("-h")) {
            return;
        }
        if (arguments.size() != 2 || !arguments.get(0).equals("--from")) {
            throw new StartupRefusedException(
                    "restore needs the folder of a backup", "Run: java -jar selvedge.jar restore --from DIR");
        }
        Path from = Path.of(arguments.get(1));
        try {
            new StoreRestore(platform, storage, blobFactories).restore(from);
        } catch (BackupRefusedException e) {
            throw new StartupRefusedException(
                    "the backup in " + from + " was not restored: " + e.getMessage(),
                    "Restore a complete, unchanged backup of this environment into empty stores (README,"
                            + " \"Backup and restore\").");
        } catch (IOException e) {
            throw new StartupRefusedException(
                    "the backup in " + from + " could not be restored: " + e.getMessage(),
                    "Empty the stores again (the restore may have loaded part of the backup) and run it once more.");
        }
    }
}
