package io.selvedge.identity.internal;

import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.PlatformProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Tells an account's owner by e-mail, through the outbox, when something changed its security: password
 * reset, address changed (told to the old address), TOTP removed, a new API token. An account without an
 * address gets no notice.
 */
@Service
@RequiredArgsConstructor
class SecurityNotices {

    private final Outbox outbox;
    private final Accounts accounts;
    private final PlatformProperties platform;
    private final Clock clock;

    String link(String path) {
        return platform.publicUrl().toString().replaceAll("/+$", "") + path;
    }

    void passwordReset(Account account, List<String> tokenNames) {
        send(
                account.id(),
                to -> AccountMails.passwordResetNotice(
                        to, account.username(), clock.instant(), tokenNames, link("/forgot-password")));
    }

    void passwordChanged(Account account) {
        send(account.id(), to -> AccountMails.passwordChanged(to, account.username(), clock.instant()));
    }

    void totpRemoved(Account account) {
        send(account.id(), to -> AccountMails.totpRemoved(to, account.username(), clock.instant()));
    }

    void tokenCreated(Account account, String tokenName, Instant expiresAt) {
        send(
                account.id(),
                to -> AccountMails.tokenCreated(to, account.username(), tokenName, clock.instant(), expiresAt));
    }

    void emailChanged(String oldEmail, String username, String newEmail) {
        if (oldEmail != null) {
            outbox.enqueue(AccountMails.emailChangedNotice(oldEmail, username, newEmail, clock.instant()));
        }
    }

    void mail(OutgoingMail mail) {
        outbox.enqueue(mail);
    }

    private void send(UUID accountId, java.util.function.Function<String, OutgoingMail> mail) {
        String to = accounts.emailOf(accountId);
        if (to != null) {
            outbox.enqueue(mail.apply(to));
        }
    }
}
