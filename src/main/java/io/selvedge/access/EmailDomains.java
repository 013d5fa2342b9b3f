package io.selvedge.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The e-mail domains groups claim. A claim is proven by a DNS TXT record ({@link Domain#txtName()} =
 * {@link Domain#txtValue()}) or, for an installation without public DNS, marked verified by a platform
 * admin. A verified domain belongs to exactly one group, which then manages every account whose address is
 * in it ({@link #managingGroupOf}). Claims and verifications (failed ones too) are on the group's trail.
 * Who may claim is the handler's permission ({@code MANAGE_DOMAINS} on the group).
 */
public interface EmailDomains {

    /** The label under which the TXT record is published: {@code _selvedge-verification.<domain>}. */
    String TXT_LABEL = "_selvedge-verification";

    /**
     * Claims a domain for the group, unverified, with a fresh TXT value. Publishes {@link DomainClaimed}.
     *
     * @throws DomainRefusedException 422 if it is no domain or a public suffix; 409 if another group holds
     *     it verified or this group has claimed it already
     */
    Domain claim(UUID groupId, String domain);

    /** The group's claims, by name. */
    List<Domain> domainsOf(UUID groupId);

    /**
     * Withdraws the group's claim; accounts in a verified domain are no longer managed by the group.
     * Publishes {@link DomainReleased}.
     *
     * @throws DomainRefusedException 404 if the group has no such claim
     */
    void release(UUID groupId, String domain);

    /**
     * Looks the TXT record up and, if it holds the claim's value, marks the domain verified. Publishes
     * {@link DomainVerified} (FAILED with the reason while the record is missing).
     *
     * @throws DomainRefusedException 404 if the group has no such claim; 422 while the record is missing; 409 if another group verified it
     */
    Domain verify(UUID groupId, String domain);

    /**
     * A platform admin marks a group's claim verified without DNS (the current caller must be one).
     * Publishes {@link DomainVerified} with {@code byStaff}.
     */
    Domain markVerified(UUID groupId, String domain);

    /** The group that manages an account with this address: the one that verified its domain. */
    Optional<UUID> managingGroupOf(@Nullable String email);

    /** The group that manages the account (its address is in a domain the group verified); empty for none. */
    Optional<UUID> managingGroupOf(UUID accountId);

    /** One claim. {@code verifiedAt} is null until verified. */
    record Domain(
            UUID id,
            UUID groupId,
            String domain,
            String txtName,
            String txtValue,
            @Nullable Instant verifiedAt) {

        public boolean verified() {
            return verifiedAt != null;
        }
    }
}
