package io.selvedge.identity.internal;

import io.selvedge.identity.StaffAccessReviewed;
import io.selvedge.identity.StaffAccounts;
import io.selvedge.identity.StaffReviewExported;
import io.selvedge.identity.StaffReviewRefusedException;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link StaffAccounts} on the global account table; sessions and tokens end in the same call. */
@Service
@RequiredArgsConstructor
class StaffAccessReview implements StaffAccounts {

    private final Accounts accounts;
    private final StaffAccessConfirmations confirmations;
    private final PasskeyRows passkeys;
    private final StoredTokens tokens;
    private final TokenAuthenticator authenticator;
    private final SpringWebSessions sessions;
    private final IdentityEvents events;
    private final Clock clock;

    @Override
    public List<StaffAccount> review() {
        Map<UUID, StaffAccessConfirmations.Latest> latest = confirmations.latest();
        Map<UUID, String> reviewers = new java.util.HashMap<>();
        return accounts.staff().stream()
                .map(row -> {
                    StaffAccessConfirmations.Latest confirmed = latest.get(row.id());
                    String reviewer = confirmed == null
                            ? null
                            : reviewers.computeIfAbsent(
                                    confirmed.reviewerId(),
                                    id -> accounts.findById(id)
                                            .map(Account::username)
                                            .orElse(id.toString()));
                    return new StaffAccount(
                            row.id(),
                            row.username(),
                            row.role().name(),
                            row.status() == AccountStatus.ACTIVE,
                            row.mfaEnrolled(),
                            passkeys.countOf(row.username()),
                            row.createdAt(),
                            row.lastSignInAt(),
                            confirmed == null ? null : confirmed.at(),
                            reviewer);
                })
                .toList();
    }

    @Override
    @Transactional
    public StaffAccount confirm(UUID accountId, UUID reviewerId) {
        Account account = staff(accountId);
        if (accountId.equals(reviewerId)) {
            throw new StaffReviewRefusedException("Another platform admin confirms your own access.");
        }
        confirmations.add(
                accountId, account.staffRole(), reviewerId, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        events.publish(new StaffAccessReviewed(
                accountId,
                account.staffRole().name(),
                StaffAccessReviewed.Decision.CONFIRMED,
                reviewerId,
                RequestOrigin.current()));
        return listed(accountId);
    }

    @Override
    @Transactional
    public StaffAccount removeRole(UUID accountId, UUID reviewerId) {
        Account account = staff(accountId);
        refuseLockOut(account, reviewerId, "remove your own staff role");
        StaffAccount before = listed(accountId);
        accounts.removeStaffRole(accountId);
        cutOff(account);
        events.publish(new StaffAccessReviewed(
                accountId,
                account.staffRole().name(),
                StaffAccessReviewed.Decision.ROLE_REMOVED,
                reviewerId,
                RequestOrigin.current()));
        return new StaffAccount(
                before.id(),
                before.username(),
                null,
                before.active(),
                before.mfaEnrolled(),
                before.passkeys(),
                before.createdAt(),
                before.lastSignInAt(),
                before.confirmedAt(),
                before.confirmedBy());
    }

    @Override
    @Transactional
    public StaffAccount disable(UUID accountId, UUID reviewerId) {
        Account account = staff(accountId);
        refuseLockOut(account, reviewerId, "disable your own account");
        accounts.setStatus(accountId, AccountStatus.DISABLED);
        cutOff(account);
        events.publish(new StaffAccessReviewed(
                accountId,
                account.staffRole().name(),
                StaffAccessReviewed.Decision.ACCOUNT_DISABLED,
                reviewerId,
                RequestOrigin.current()));
        return listed(accountId);
    }

    @Override
    @Transactional
    public String export(ReviewFormat format, UUID reviewerId) {
        String file = StaffReviewFiles.write(review(), format);
        events.publish(new StaffReviewExported(
                reviewerId, format.name().toLowerCase(java.util.Locale.ROOT), RequestOrigin.current()));
        return file;
    }

    private void refuseLockOut(Account account, UUID reviewerId, String what) {
        if (account.id().equals(reviewerId)) {
            throw new StaffReviewRefusedException("You may not " + what + ": another platform admin may.");
        }
        if (account.staffRole() == StaffRole.PLATFORM_ADMIN
                && account.status() == AccountStatus.ACTIVE
                && accounts.activePlatformAdmins() <= 1) {
            throw new StaffReviewRefusedException("The installation's last active platform admin stays.");
        }
    }

    /** Its web sessions end and its API tokens are revoked, at once: the role they carried is gone. */
    private void cutOff(Account account) {
        tokens.deleteAllOf(account.id());
        authenticator.forgetAccount(account.id());
        sessions.endAll(account.username(), SpringWebSessions.ENDED_BY_ADMIN);
    }

    private Account staff(UUID accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.staffRole() != null)
                .orElseThrow(() -> new Refusal.NotFound("No staff account has this id."));
    }

    private StaffAccount listed(UUID accountId) {
        return review().stream()
                .filter(account -> account.id().equals(accountId))
                .findFirst()
                .orElseThrow(() -> new Refusal.NotFound("No staff account has this id."));
    }
}
