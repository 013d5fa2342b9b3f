package io.selvedge.backup.internal;

import io.selvedge.audit.AuditTrail;
import io.selvedge.audit.AuditVerification;
import io.selvedge.platform.OperatorCommand;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code restore --from DIR}. The backup is loaded before the stores open (the storage module does it
 * when this command starts, and refuses a changed file, another environment's backup or stores that are
 * not empty); this command then runs on the restored installation and verifies every audit trail.
 */
@Component
@RequiredArgsConstructor
class RestoreCommand implements OperatorCommand {

    private final AuditTrail trail;

    @Override
    public String name() {
        return "restore";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar selvedge.jar restore --from DIR

                Restores the backup in DIR (made by 'backup') into an empty data directory or empty databases
                and blob stores, configured as for 'serve' and with the same master key. Checks the SHA-256 of
                every file first, and refuses a backup of another environment (a production backup is
                restored only into production). Then verifies every audit trail of the restored installation.
                Exit code 0 when restored and every trail is intact, 1 otherwise.
                """;
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        out.println("The backup was restored. Verifying every audit trail:");
        List<@Nullable UUID> trails = new ArrayList<>();
        trails.add(null);
        trails.addAll(trail.groupTrails());
        int broken = 0;
        for (@Nullable UUID group : trails) {
            String which = group == null ? "platform trail" : "trail of group " + group;
            try {
                AuditVerification result = trail.verify(group);
                if (result.ok()) {
                    out.printf("  %s: intact, %d entries%n", which, result.checked());
                } else {
                    broken++;
                    out.printf("  %s: NOT intact: entry %s was %s%n", which, result.firstBadEntry(), result.problem());
                }
            } catch (RuntimeException e) {
                broken++;
                out.printf("  %s: cannot be verified: %s%n", which, e.getMessage());
            }
        }
        if (broken > 0) {
            out.printf("%d of %d trails are not intact.%n", broken, trails.size());
            return 1;
        }
        out.printf("All %d trails are intact.%n", trails.size());
        return 0;
    }
}
