package io.selvedge.identity.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.crypto.OneTimeCodes;
import io.selvedge.identity.OneTimeCodeRejectedException;
import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.identity.TotpEnrolment;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP enrolment, and the second factor at sign-in. The secret rests encrypted under the directory keys,
 * bound to its row; a time step is spent atomically, so a code works once even when two nodes see it.
 */
@Service
@RequiredArgsConstructor
class AccountTotp implements TotpEnrolment {

    static final String WRONG_CODE = "The one-time code is wrong, or was used already. Wait for the next one.";
    static final String ISSUER = "Selvedge";
    static final String CODE = "one-time-code";
    static final String RECOVERY_CODE = "recovery-code";

    private final TotpSecrets secrets;
    private final Accounts accounts;
    private final FieldCiphers ciphers;
    private final SignInThrottle throttle;
    private final SecurityNotices notices;
    private final MfaChanges changes;
    private final IdentityEvents events;
    private final Clock clock;

    @Override
    @Transactional(noRollbackFor = {OneTimeCodeRejectedException.class, SignInThrottledException.class})
    public PendingTotp start(UUID accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("No account."));
        String secret = OneTimeCodes.newSecret();
        if (!secrets.savePending(accountId, encrypt(secret, accountId), clock.instant())) {
            throw new Refusal.Conflict("TOTP is on already; remove it first to enrol a new app.");
        }
        String label = URLEncoder.encode(ISSUER + ":" + account.username(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return new PendingTotp(
                secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Override
    @Transactional(noRollbackFor = {OneTimeCodeRejectedException.class, SignInThrottledException.class})
    public List<String> confirm(UUID accountId, String otp, String clientAddress) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("No account."));
        TotpSecrets.StoredTotp stored = secrets.find(accountId)
                .filter(totp -> !totp.confirmed())
                .orElseThrow(() -> new Refusal.Conflict("No TOTP enrolment is pending: start one first."));
        waitIfThrottled(account, clientAddress);
        OptionalLong step =
                OneTimeCodes.matchingStep(decrypt(stored, accountId), otp, clock.instant(), stored.lastUsedStep());
        if (step.isEmpty() || !secrets.confirm(accountId, step.getAsLong(), clock.instant())) {
            throw failed(account, clientAddress);
        }
        throttle.succeeded(account.username(), clientAddress, SignInFactor.ONE_TIME_CODE);
        List<String> codes = RecoveryCodes.generate();
        secrets.replaceRecoveryCodes(
                accountId,
                codes.stream().map(code -> RecoveryCodes.hash(accountId, code)).toList());
        changes.enrolled(accountId, MfaChanges.TOTP);
        return codes;
    }

    @Override
    @Transactional(noRollbackFor = {OneTimeCodeRejectedException.class, SignInThrottledException.class})
    public void remove(UUID accountId, String otp, String clientAddress) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new IllegalStateException("No account."));
        TotpSecrets.StoredTotp stored = secrets.find(accountId)
                .filter(TotpSecrets.StoredTotp::confirmed)
                .orElseThrow(() -> new Refusal.Conflict("TOTP is not on for this account."));
        waitIfThrottled(account, clientAddress);
        if (!spendTotp(accountId, stored, otp)) {
            throw failed(account, clientAddress);
        }
        throttle.succeeded(account.username(), clientAddress, SignInFactor.ONE_TIME_CODE);
        secrets.delete(accountId);
        changes.totpRemoved(accountId);
        notices.totpRemoved(account);
    }

    /**
     * The second factor of a sign-in whose password was right: nothing for an account without MFA; else a
     * fresh TOTP code or an unused recovery code, throttled apart from passwords.
     *
     * @return which factor was used ({@code one-time-code} or {@code recovery-code}); null for an account
     *     without MFA
     * @throws OneTimeCodeRejectedException if the code is missing, wrong or used
     * @throws SignInThrottledException while too many codes have failed
     */
    @Transactional(noRollbackFor = {OneTimeCodeRejectedException.class, SignInThrottledException.class})
    public String checkSecondFactor(String username, String clientAddress, String code) {
        Account account = accounts.findByUsername(username).orElse(null);
        if (account == null || !account.mfaEnrolled()) {
            return null;
        }
        waitIfThrottled(account, clientAddress);
        boolean recovery = RecoveryCodes.looksLikeOne(code);
        boolean accepted = recovery
                ? secrets.spendRecoveryCode(account.id(), RecoveryCodes.hash(account.id(), code))
                : secrets.find(account.id())
                        .filter(TotpSecrets.StoredTotp::confirmed)
                        .map(stored -> spendTotp(account.id(), stored, code))
                        .orElse(false);
        if (!accepted) {
            throw failed(account, clientAddress);
        }
        throttle.succeeded(username, clientAddress, SignInFactor.ONE_TIME_CODE);
        return recovery ? RECOVERY_CODE : CODE;
    }

    private boolean spendTotp(UUID accountId, TotpSecrets.StoredTotp stored, String code) {
        OptionalLong step =
                OneTimeCodes.matchingStep(decrypt(stored, accountId), code, clock.instant(), stored.lastUsedStep());
        return step.isPresent() && secrets.spend(accountId, step.getAsLong());
    }

    private void waitIfThrottled(Account account, String clientAddress) {
        Duration wait = throttle.take(account.username(), clientAddress, SignInFactor.ONE_TIME_CODE);
        if (!wait.isZero()) {
            events.publish(new SignInFailed(account.id(), CODE, "throttled", RequestOrigin.current()));
            throw new SignInThrottledException(wait);
        }
    }

    private OneTimeCodeRejectedException failed(Account account, String clientAddress) {
        throttle.failed(account.username(), clientAddress, SignInFactor.ONE_TIME_CODE);
        events.publish(new SignInFailed(account.id(), CODE, "wrong-code", RequestOrigin.current()));
        return new OneTimeCodeRejectedException(WRONG_CODE);
    }

    private String encrypt(String secret, UUID accountId) {
        return TotpSecrets.SECRET.encrypt(ciphers.directory(), secret, accountId);
    }

    private String decrypt(TotpSecrets.StoredTotp stored, UUID accountId) {
        return TotpSecrets.SECRET.decrypt(ciphers.directory(), stored.encryptedSecret(), accountId);
    }
}
