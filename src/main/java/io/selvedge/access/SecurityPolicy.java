package io.selvedge.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group's security policy. Session limits may only tighten the installation's defaults (null: the
 * default holds); the IP allow-list is a list of CIDR blocks, IPv4 or IPv6 (empty: from anywhere).
 *
 * @param passwordSignIn false = single sign-on only (enforced for password sign-in of an account whose
 *     groups all say so; see README)
 * @param linkDownloadsForAnyone true = anyone holding a valid share link that allows download may download
 *     through it; false (the default) = only signed-in members of the group may
 * @param version counts the changes; 0 for a group that never changed its policy (the defaults)
 * @param changedBy who made the last change; null for the defaults
 * @param changedAt when; null for the defaults
 */
public record SecurityPolicy(
        UUID groupId,
        boolean mfaRequired,
        @Nullable Duration idleTimeout,
        @Nullable Duration absoluteTimeout,
        boolean passwordSignIn,
        List<String> ipAllowList,
        boolean linkDownloadsForAnyone,
        long version,
        @Nullable UUID changedBy,
        @Nullable Instant changedAt) {

    public SecurityPolicy {
        ipAllowList = List.copyOf(ipAllowList);
    }

    /**
     * The policy of a group that never set one: no MFA demanded, the defaults, passwords, any address,
     * link downloads for members only.
     */
    public static SecurityPolicy defaults(UUID groupId) {
        return new SecurityPolicy(groupId, false, null, null, true, List.of(), false, 0, null, null);
    }

    /** How {@code next} weakens this policy, in words for a person; empty when it only tightens or keeps it. */
    public List<String> weakenedIn(SecurityPolicy next) {
        List<String> changes = new ArrayList<>();
        if (mfaRequired && !next.mfaRequired()) {
            changes.add("MFA no longer required");
        }
        if (!passwordSignIn && next.passwordSignIn()) {
            changes.add("password sign-in allowed");
        }
        if (!ipAllowList.isEmpty() && next.ipAllowList().isEmpty()) {
            changes.add("address allow-list removed");
        }
        if (!linkDownloadsForAnyone && next.linkDownloadsForAnyone()) {
            changes.add("link downloads opened to anyone");
        }
        if (lengthened(idleTimeout, next.idleTimeout()) || lengthened(absoluteTimeout, next.absoluteTimeout())) {
            changes.add("session timeout lengthened");
        }
        return changes;
    }

    private static boolean lengthened(@Nullable Duration before, @Nullable Duration after) {
        return before != null && (after == null || after.compareTo(before) > 0);
    }
}
