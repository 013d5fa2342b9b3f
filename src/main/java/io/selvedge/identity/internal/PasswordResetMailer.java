package io.selvedge.identity.internal;

import io.selvedge.identity.PasswordResetRequested;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and mails the reset link of a request that matched an active account with an address, after the
 * request's commit and on a thread of its own: the request answers in the same time whether or not a mail
 * goes out. A request lost in a crash costs the person a second request; the link itself never leaves the
 * mail (only its hash is stored), so it cannot travel through the event publication registry.
 */
@Component
class PasswordResetMailer {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailer.class);

    private final Accounts accounts;
    private final AccountLinks links;
    private final SecurityNotices notices;
    private final TransactionTemplate transactions;
    private final ExecutorService executor = new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000),
            work -> {
                Thread thread = new Thread(work, "password-reset-mailer");
                thread.setDaemon(true);
                return thread;
            },
            (work, pool) -> log.warn("Too many password reset requests at once: one was not mailed"));

    PasswordResetMailer(
            Accounts accounts, AccountLinks links, SecurityNotices notices, PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.links = links;
        this.notices = notices;
        this.transactions = new TransactionTemplate(transactions);
    }

    @TransactionalEventListener
    void requested(PasswordResetRequested request) {
        if (request.accountId() != null) {
            executor.execute(() -> mailLink(request));
        }
    }

    private void mailLink(PasswordResetRequested request) {
        try {
            transactions.executeWithoutResult(status -> accounts.findById(request.accountId())
                    .filter(account -> account.status() == AccountStatus.ACTIVE)
                    .ifPresent(account -> {
                        String to = accounts.emailOf(account.id());
                        if (to == null) {
                            return;
                        }
                        String token = links.issue(account.id(), AccountLinks.Purpose.PASSWORD_RESET, null);
                        notices.mail(AccountMails.passwordResetLink(
                                to, account.username(), notices.link("/reset-password/" + token)));
                    }));
        } catch (RuntimeException e) {
            log.warn("Could not mail a password reset link for account {}", request.accountId(), e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
