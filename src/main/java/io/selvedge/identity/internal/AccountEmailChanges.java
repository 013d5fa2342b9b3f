package io.selvedge.identity.internal;

import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountLinkInvalidException;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.EmailChanged;
import io.selvedge.identity.EmailChanges;
import io.selvedge.identity.PasswordConfirmationFailedException;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A new e-mail address, asked for with the password and confirmed through a link mailed to it. */
@Service
class AccountEmailChanges implements EmailChanges {

    static final String WRONG_PASSWORD = "The password is wrong.";

    private final AuthenticationManager passwordSignIn;
    private final Accounts accounts;
    private final AccountLinks links;
    private final SecurityNotices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    AccountEmailChanges(
            AuthenticationManager passwordSignIn,
            Accounts accounts,
            AccountLinks links,
            SecurityNotices notices,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.passwordSignIn = passwordSignIn;
        this.accounts = accounts;
        this.links = links;
        this.notices = notices;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
    }

    // Not one transaction: a failed password must stay counted by the throttle when the request fails.
    @Override
    public void request(UUID accountId, String newEmail, String password, String otp, String clientAddress) {
        String email = EmailAddresses.check(newEmail);
        Account account =
                accounts.findById(accountId).orElseThrow(() -> new PasswordConfirmationFailedException(WRONG_PASSWORD));
        PasswordCheck.confirm(passwordSignIn, account.username(), password, otp, clientAddress, WRONG_PASSWORD);
        if (email.equals(accounts.emailOf(accountId))) {
            throw new IllegalArgumentException("That is the account's address already.");
        }
        transactions.executeWithoutResult(status -> {
            if (accounts.emailTaken(email)) {
                notices.mail(AccountMails.emailAlreadyInUse(email));
                return;
            }
            String token = links.issue(accountId, AccountLinks.Purpose.EMAIL_CHANGE, email);
            notices.mail(
                    AccountMails.emailChangeLink(email, account.username(), notices.link("/confirm-email/" + token)));
        });
    }

    @Override
    public boolean linkIsValid(String token) {
        return links.isValid(token, AccountLinks.Purpose.EMAIL_CHANGE);
    }

    @Override
    @Transactional(noRollbackFor = AccountLinkInvalidException.class)
    public void confirm(String token) {
        AccountLinks.SpentLink spent =
                links.spend(token, AccountLinks.Purpose.EMAIL_CHANGE).orElseThrow(AccountLinkInvalidException::new);
        Account account = accounts.findById(spent.accountId()).orElseThrow(AccountLinkInvalidException::new);
        String newEmail = spent.newEmail();
        String oldEmail = accounts.emailOf(account.id());
        if (accounts.findByEmail(newEmail)
                .filter(other -> !other.id().equals(account.id()))
                .isPresent()) {
            throw taken();
        }
        try {
            accounts.changeEmail(account.id(), newEmail);
        } catch (DuplicateKeyException anotherAccountWasFaster) {
            throw taken();
        }
        links.kill(account.id(), AccountLinks.Purpose.EMAIL_CHANGE);
        // Reset links went to the old address: whoever reads it no longer holds the account's keys.
        links.kill(account.id(), AccountLinks.Purpose.PASSWORD_RESET);
        notices.emailChanged(oldEmail, account.username(), newEmail);
        events.publishEvent(new EmailChanged(account.id(), AuditOutcome.SUCCEEDED, RequestOrigin.current()));
    }

    private static AccountExistsException taken() {
        return new AccountExistsException("Another account uses that e-mail address now; nothing changed.");
    }
}
