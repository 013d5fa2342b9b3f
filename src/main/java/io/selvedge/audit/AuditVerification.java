package io.selvedge.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing a trail's chain.
 *
 * @param checked how many entries were checked
 * @param firstBadEntry the sequence number of the first entry altered, removed or inserted; null if ok
 * @param problem what is wrong with it ({@code altered}, {@code removed}, {@code inserted}...); null if ok
 */
public record AuditVerification(
        boolean ok,
        long checked,
        @Nullable Long firstBadEntry,
        @Nullable String problem) {

    public static AuditVerification passed(long checked) {
        return new AuditVerification(true, checked, null, null);
    }

    public static AuditVerification failed(long checked, long firstBadEntry, String problem) {
        return new AuditVerification(false, checked, firstBadEntry, problem);
    }
}
