package io.selvedge.access.internal;

import com.google.common.net.InternetDomainName;
import io.selvedge.access.DomainClaimed;
import io.selvedge.access.DomainRefusedException;
import io.selvedge.access.DomainReleased;
import io.selvedge.access.DomainVerified;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.PlatformStaff;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.io.IOException;
import java.net.IDN;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/** {@link EmailDomains}: claims in the global store, proven by a TXT record or a platform admin. */
@Service
@RequiredArgsConstructor
class DomainService implements EmailDomains {

    private static final String TXT_PREFIX = "selvedge-domain-verification=";

    private final DomainRepository records;
    private final TxtRecords dns;
    private final Callers callers;
    private final PlatformStaff staff;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Override
    public Domain claim(UUID groupId, String domain) {
        String name = normalised(domain);
        Caller caller = callers.current().orElseThrow(NotVisibleException::new);
        if (records.verifiedBy(name).filter(holder -> !holder.equals(groupId)).isPresent()) {
            throw DomainRefusedException.taken();
        }
        if (records.find(groupId, name).isPresent()) {
            throw new DomainRefusedException(HttpStatus.CONFLICT, "The group has claimed this domain already.");
        }
        UUID id = UUID.randomUUID();
        try {
            transactions.executeWithoutResult(tx -> {
                records.insert(id, groupId, name, newTxtValue(), caller.accountId(), clock.instant());
                events.publishEvent(new DomainClaimed(
                        groupId, id, AuditActor.account(caller.accountId()), RequestOrigin.current()));
            });
        } catch (DuplicateKeyException e) {
            throw new DomainRefusedException(HttpStatus.CONFLICT, "The group has claimed this domain already.");
        }
        return records.byId(id).orElseThrow();
    }

    @Override
    public List<Domain> domainsOf(UUID groupId) {
        return records.ofGroup(groupId);
    }

    @Override
    public void release(UUID groupId, String domain) {
        Domain claim = claimOf(groupId, domain);
        Caller caller = callers.current().orElseThrow(NotVisibleException::new);
        transactions.executeWithoutResult(tx -> {
            if (records.delete(claim.id())) {
                events.publishEvent(new DomainReleased(
                        groupId, claim.id(), AuditActor.account(caller.accountId()), RequestOrigin.current()));
            }
        });
    }

    @Override
    public Domain verify(UUID groupId, String domain) {
        Domain claim = claimOf(groupId, domain);
        Caller caller = callers.current().orElseThrow(NotVisibleException::new);
        if (claim.verified()) {
            return claim;
        }
        if (records.verifiedBy(claim.domain()).isPresent()) {
            failed(claim, caller, false, "another group holds the domain");
            throw DomainRefusedException.taken();
        }
        List<String> published;
        try {
            published = dns.lookUp(claim.txtName());
        } catch (IOException e) {
            failed(claim, caller, false, "the DNS server did not answer");
            throw DomainRefusedException.invalid(
                    "The DNS server did not answer for " + claim.txtName() + ": try again in a while.");
        }
        if (!published.contains(claim.txtValue())) {
            failed(claim, caller, false, "the TXT record is missing");
            throw DomainRefusedException.invalid("No TXT record " + claim.txtName() + " holds the value "
                    + claim.txtValue() + " yet: publish it (DNS changes may take a while) and try again.");
        }
        return verified(claim, caller, false);
    }

    @Override
    public Domain markVerified(UUID groupId, String domain) {
        Caller caller = staff.requirePlatformAdmin("Only a platform admin marks a domain verified by hand.");
        Domain claim = claimOf(groupId, domain);
        if (claim.verified()) {
            return claim;
        }
        if (records.verifiedBy(claim.domain()).isPresent()) {
            failed(claim, caller, true, "another group holds the domain");
            throw DomainRefusedException.taken();
        }
        return verified(claim, caller, true);
    }

    @Override
    public Optional<UUID> managingGroupOf(@Nullable String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        return records.verifiedBy(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<UUID> managingGroupOf(UUID accountId) {
        return accounts.account(accountId).map(AccountSummary::email).flatMap(this::managingGroupOf);
    }

    private Domain verified(Domain claim, Caller caller, boolean byStaff) {
        try {
            transactions.executeWithoutResult(tx -> {
                if (records.markVerified(claim.id(), claim.domain(), caller.accountId(), byStaff, clock.instant())) {
                    events.publishEvent(new DomainVerified(
                            claim.groupId(),
                            claim.id(),
                            AuditActor.account(caller.accountId()),
                            byStaff,
                            null,
                            RequestOrigin.current()));
                }
            });
        } catch (DuplicateKeyException e) {
            failed(claim, caller, byStaff, "another group holds the domain");
            throw DomainRefusedException.taken();
        }
        return records.byId(claim.id()).orElseThrow();
    }

    private void failed(Domain claim, Caller caller, boolean byStaff, String reason) {
        transactions.executeWithoutResult(tx -> events.publishEvent(new DomainVerified(
                claim.groupId(),
                claim.id(),
                AuditActor.account(caller.accountId()),
                byStaff,
                reason,
                RequestOrigin.current())));
    }

    private Domain claimOf(UUID groupId, String domain) {
        String name;
        try {
            name = normalised(domain);
        } catch (DomainRefusedException e) {
            throw notClaimed();
        }
        return records.find(groupId, name).orElseThrow(DomainService::notClaimed);
    }

    private static DomainRefusedException notClaimed() {
        return new DomainRefusedException(HttpStatus.NOT_FOUND, "The group has not claimed this domain.");
    }

    /** The domain in lower-case ASCII (an IDN as its A-labels), if it is one that may be claimed. */
    static String normalised(@Nullable String domain) {
        if (domain == null || domain.isBlank() || domain.length() > 253) {
            throw DomainRefusedException.invalid("Give the domain, e.g. example.com.");
        }
        String ascii;
        InternetDomainName name;
        try {
            ascii = IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            name = InternetDomainName.from(ascii);
        } catch (IllegalArgumentException e) {
            throw DomainRefusedException.invalid("This is not a domain name: give one like example.com.");
        }
        if (name.parts().size() < 2) {
            throw DomainRefusedException.invalid("Give a domain with at least two labels, like example.com.");
        }
        if (name.isPublicSuffix()) {
            throw DomainRefusedException.invalid(
                    "A public suffix (" + ascii + ") cannot be claimed: claim your own domain under it.");
        }
        return ascii;
    }

    private String newTxtValue() {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return TXT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
