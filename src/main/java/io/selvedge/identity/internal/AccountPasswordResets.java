package io.selvedge.identity.internal;

import io.selvedge.identity.AccountLinkInvalidException;
import io.selvedge.identity.PasswordPolicy;
import io.selvedge.identity.PasswordReset;
import io.selvedge.identity.PasswordResetRequested;
import io.selvedge.identity.PasswordResets;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.identity.WebSessions;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by e-mail. A request does the same work whether the account exists or not (resolve the
 * name, count it, publish {@link PasswordResetRequested}, which the event publication registry stores with
 * the request); the link is made and put in the mail outbox after the commit, off the request's thread and
 * durably ({@link PasswordResetMailer}), so neither the answer nor its time tells.
 */
@Service
@RequiredArgsConstructor
class AccountPasswordResets implements PasswordResets {

    private final SignInNames names;
    private final Accounts accounts;
    private final SignInThrottle throttle;
    private final AccountLinks links;
    private final PasswordEncoder passwords;
    private final WebSessions sessions;
    private final StoredTokens tokens;
    private final SecurityNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocalPasswords localPasswords;

    @Override
    @Transactional
    public void request(String usernameOrEmail, String clientAddress) {
        String subject = names.canonical(usernameOrEmail);
        Duration wait = throttle.take(subject, clientAddress, SignInFactor.PASSWORD_RESET);
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(TooManyAttemptsException.Attempts.RESET_REQUESTS, wait);
        }
        // Every request counts, found or not: each may send a mail, and the count must not tell which.
        throttle.failed(subject, clientAddress, SignInFactor.PASSWORD_RESET);
        UUID accountId = accounts.findByUsername(subject)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .map(Account::id)
                .orElse(null);
        events.publishEvent(new PasswordResetRequested(accountId, RequestOrigin.current()));
    }

    @Override
    public boolean linkIsValid(String token) {
        return links.isValid(token, AccountLinks.Purpose.PASSWORD_RESET);
    }

    @Override
    @Transactional(noRollbackFor = AccountLinkInvalidException.class)
    public void reset(String token, String newPassword) {
        Account account = links.accountOf(token, AccountLinks.Purpose.PASSWORD_RESET)
                .filter(id -> linkIsValid(token))
                .flatMap(accounts::findById)
                .orElseThrow(() -> invalid(token));
        // A link mailed before the organisation took the account's sign-in over does not make a password now.
        localPasswords.requireLocal(account);
        PasswordPolicy.check(newPassword, account.username(), account.mfaEnrolled());
        AccountLinks.SpentLink spent =
                links.spend(token, AccountLinks.Purpose.PASSWORD_RESET).orElseThrow(() -> invalid(token));
        accounts.changePasswordHash(account.username(), passwords.encode(newPassword));
        links.kill(account.id(), AccountLinks.Purpose.PASSWORD_RESET);
        throttle.succeeded(account.username(), SignInFactor.PASSWORD);
        throttle.succeeded(account.username(), SignInFactor.PASSWORD_RESET);
        sessions.endAll(account.username());
        List<String> liveTokens = tokens.ofAccount(account.id()).stream()
                .filter(stored -> stored.expiresAt().isAfter(clock.instant()))
                .map(StoredToken::name)
                .toList();
        notices.passwordReset(account, liveTokens);
        events.publishEvent(
                new PasswordReset(account.id(), spent.id(), AuditOutcome.SUCCEEDED, RequestOrigin.current()));
    }

    /** A failed use is an event too; the link's account is named if the link was ever issued. */
    private AccountLinkInvalidException invalid(String token) {
        UUID accountId =
                links.accountOf(token, AccountLinks.Purpose.PASSWORD_RESET).orElse(null);
        events.publishEvent(new PasswordReset(accountId, null, AuditOutcome.FAILED, RequestOrigin.current()));
        return new AccountLinkInvalidException();
    }
}
