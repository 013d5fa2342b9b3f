package io.selvedge.access;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The groups' security policies, kept in each group's region, and what reaches a whole account: the policy
 * of the group that manages it (verified its e-mail domain). Other groups' policies apply only to the
 * account's requests for their own resources (the decision point's check).
 */
public interface SecurityPolicies {

    /** The group's policy (the defaults if it never set one); the caller's right to see it is checked by the caller. */
    SecurityPolicy policyOf(UUID groupId);

    /**
     * Replaces the group's policy, for the current caller (who must hold {@link Action#CHANGE_SECURITY_POLICY}).
     * Publishes {@link SecurityPolicyChanged}.
     *
     * @param expectedVersion the version the change was made against, or null to overwrite whatever is there
     * @throws SecurityPolicyRefusedException (422) if a setting is invalid (a limit looser than the default, a
     *     malformed CIDR block), or the change would lock the caller out (their address not allowed, or no
     *     way left for them to sign in); 409 if {@code expectedVersion} is not the current version
     */
    SecurityPolicy change(UUID groupId, Change change, @Nullable Long expectedVersion);

    /** What reaches the whole account: its managing group's policy, and MFA for a group admin anywhere. */
    AccountPolicy forAccount(UUID accountId);

    /** The settings a change asks for. */
    record Change(
            boolean mfaRequired,
            @Nullable Duration idleTimeout,
            @Nullable Duration absoluteTimeout,
            boolean passwordSignIn,
            List<String> ipAllowList,
            boolean linkDownloadsForAnyone) {

        public Change {
            ipAllowList = List.copyOf(ipAllowList);
        }
    }

    /**
     * The account-wide policy.
     *
     * @param mfaRequired the managing group requires MFA, or the account is a group admin somewhere
     * @param idleTimeout the managing group's idle limit, or null (the installation's default)
     * @param absoluteTimeout the managing group's absolute limit, or null
     * @param passwordSignIn false only when the managing group is single sign-on only
     */
    record AccountPolicy(
            boolean mfaRequired,
            @Nullable Duration idleTimeout,
            @Nullable Duration absoluteTimeout,
            boolean passwordSignIn) {

        public static AccountPolicy none() {
            return new AccountPolicy(false, null, null, true);
        }
    }
}
