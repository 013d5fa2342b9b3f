package io.selvedge.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The staff access review: every platform staff account with its role and last sign-in, the last time a
 * platform admin confirmed it still needs its access, and the two ways out (the staff role removed, or the
 * account disabled). Each change is on the platform trail with the reviewing admin as actor. Who may review is
 * the caller's to check (platform admins only); this service refuses what would lock the installation out: an
 * admin removing or disabling themselves, the last active platform admin, or confirming their own access.
 */
public interface StaffAccounts {

    /** Every staff account, by username. */
    List<StaffAccount> review();

    /**
     * Records that {@code reviewerId} confirmed the account keeps its role.
     *
     * @throws io.selvedge.platform.Refusal.NotFound if it is no staff account
     * @throws StaffReviewRefusedException for the reviewer's own account
     */
    StaffAccount confirm(UUID accountId, UUID reviewerId);

    /**
     * Takes the staff role away: the account stays, as a customer account holding no role anywhere; its web
     * sessions end and its API tokens are revoked at once.
     */
    StaffAccount removeRole(UUID accountId, UUID reviewerId);

    /** Disables the account: it signs in by no means; its web sessions end and its API tokens are revoked. */
    StaffAccount disable(UUID accountId, UUID reviewerId);

    /** The review as a file for auditors, its export on the platform trail. */
    String export(ReviewFormat format, UUID reviewerId);

    /** CSV (RFC 4180, formula-safe) or a JSON array. */
    enum ReviewFormat {
        CSV,
        JSON
    }

    /**
     * One staff account in the review.
     *
     * @param role the staff role, or null once removed (the account is then listed no more)
     * @param confirmedBy the username of the admin who last confirmed it
     */
    record StaffAccount(
            UUID id,
            String username,
            @Nullable String role,
            boolean active,
            boolean mfaEnrolled,
            int passkeys,
            Instant createdAt,
            @Nullable Instant lastSignInAt,
            @Nullable Instant confirmedAt,
            @Nullable String confirmedBy) {}
}
