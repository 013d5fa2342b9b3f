package io.selvedge.testing;

import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reading the audit trail in tests: its listener writes after the commit, on another thread. */
public final class Trails {

    private Trails() {}

    /**
     * The entries of a trail (the group's, or the platform's for null) that match the filter, as one longest page,
     * once there are at least {@code atLeast} of them; what there is when {@code within} has passed (then the
     * assertion that follows fails).
     */
    public static List<AuditEntry> awaitEntries(
            AuditTrail trail, @Nullable UUID group, AuditFilter filter, int atLeast, Duration within)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(within);
        List<AuditEntry> found =
                trail.find(group, filter, AuditTrail.LONGEST_PAGE, null).entries();
        while (found.size() < atLeast && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
            found = trail.find(group, filter, AuditTrail.LONGEST_PAGE, null).entries();
        }
        return found;
    }
}
