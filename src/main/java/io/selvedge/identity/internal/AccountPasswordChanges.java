package io.selvedge.identity.internal;

import io.selvedge.identity.PasswordChanges;
import io.selvedge.identity.PasswordConfirmationFailedException;
import io.selvedge.identity.PasswordPolicy;
import io.selvedge.identity.WebSessions;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A new password chosen by its owner, who proves it with the current one (throttled like sign-in). */
@Service
class AccountPasswordChanges implements PasswordChanges {

    private final AuthenticationManager passwordSignIn;
    private final Accounts accounts;
    private final AccountLinks links;
    private final PasswordEncoder passwords;
    private final WebSessions sessions;
    private final SecurityNotices notices;
    private final TransactionTemplate transactions;
    private final LocalPasswords localPasswords;

    AccountPasswordChanges(
            AuthenticationManager passwordSignIn,
            Accounts accounts,
            AccountLinks links,
            PasswordEncoder passwords,
            WebSessions sessions,
            SecurityNotices notices,
            PlatformTransactionManager transactions,
            LocalPasswords localPasswords) {
        this.localPasswords = localPasswords;
        this.passwordSignIn = passwordSignIn;
        this.accounts = accounts;
        this.links = links;
        this.passwords = passwords;
        this.sessions = sessions;
        this.notices = notices;
        this.transactions = new TransactionTemplate(transactions);
    }

    // Not one transaction: a failed password must stay counted by the throttle when the request fails.
    @Override
    public void change(UUID accountId, String currentPassword, String otp, String newPassword, String clientAddress) {
        Account account = accounts.findById(accountId)
                .orElseThrow(() -> new PasswordConfirmationFailedException(AccountEmailChanges.WRONG_PASSWORD));
        // Asked of the signed-in owner, before any password is checked: it tells only them where theirs is kept.
        localPasswords.requireLocal(account);
        PasswordPolicy.check(newPassword, account.username(), account.mfaEnrolled());
        PasswordCheck.confirm(
                passwordSignIn,
                account.username(),
                currentPassword,
                otp,
                clientAddress,
                "The current password is wrong.");
        transactions.executeWithoutResult(status -> {
            accounts.changePasswordHash(account.username(), passwords.encode(newPassword));
            links.kill(account.id(), AccountLinks.Purpose.PASSWORD_RESET);
            notices.passwordChanged(account);
        });
        sessions.endAll(account.username());
    }
}
