package io.selvedge.identity.internal;

import io.selvedge.identity.PasswordResetRequested;
import lombok.RequiredArgsConstructor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Makes and mails the reset link of a request that matched an active account with an address. The
 * request's transaction stores, with the event publication registry, only that this is to be done, the
 * same row whether or not an account matched, so the answer takes the same time either way. After the
 * commit this listener, on a thread of its own, issues the link and puts its mail in the outbox in one
 * transaction; a crash before that leaves the publication incomplete, and it runs again at the next start.
 * The link itself never leaves the mail (only its hash is stored), so it is never in the registry. An
 * account whose organisation signs it in (its directory, or single sign-on only) gets no link, only a mail
 * saying to use its company's sign-in.
 */
@Component
@RequiredArgsConstructor
class PasswordResetMailer {

    /** The listener's id in the event publication registry. */
    static final String LISTENER_ID = "io.selvedge.identity.password-reset-mail";

    private final Accounts accounts;
    private final AccountLinks links;
    private final SecurityNotices notices;
    private final LocalPasswords localPasswords;

    @ApplicationModuleListener(id = LISTENER_ID)
    void requested(PasswordResetRequested request) {
        if (request.accountId() == null) {
            return;
        }
        accounts.findById(request.accountId())
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .ifPresent(account -> {
                    String to = accounts.emailOf(account.id());
                    if (to == null) {
                        return;
                    }
                    // Its organisation signs it in: no link (it would make a password the organisation does
                    // not govern), a mail saying where to sign in instead; the request answered alike.
                    var elsewhere = localPasswords.managedElsewhere(account);
                    if (elsewhere.isPresent()) {
                        notices.mail(AccountMails.passwordManagedElsewhere(
                                to, account.username(), elsewhere.get(), notices.link("/signin")));
                        return;
                    }
                    String token = links.issue(account.id(), AccountLinks.Purpose.PASSWORD_RESET, null);
                    notices.mail(AccountMails.passwordResetLink(
                            to, account.username(), notices.link("/reset-password/" + token)));
                });
    }
}
