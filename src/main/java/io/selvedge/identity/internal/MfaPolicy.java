package io.selvedge.identity.internal;

import io.selvedge.identity.ApiCaller;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.MfaRequirement;
import io.selvedge.identity.MfaStatus;
import io.selvedge.identity.MfaStatuses;
import io.selvedge.identity.Usernames;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * Who must use MFA (every {@link MfaRequirement} bean, OR-ed), where an account stands, and what a web
 * sign-in still lacks. A sign-in holds a factor authority per step it passed (Spring Security's
 * multi-factor model): a password alone ({@code FACTOR_PASSWORD}) is enough only for an account without a
 * second factor; with one, it also needs a one-time code ({@link #ONE_TIME_CODE_FACTOR}) or a passkey
 * ({@code FACTOR_WEBAUTHN}). A passkey alone is enough, since it requires user verification.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class MfaPolicy implements MfaStatuses {

    /** The factor of a TOTP or recovery code entered at the second step of a web sign-in. */
    public static final String ONE_TIME_CODE_FACTOR = "FACTOR_TOTP";

    /** A second factor an identity provider checked, held only where its connection trusts the provider's MFA. */
    public static final String IDP_SECOND_FACTOR = "FACTOR_IDP_MFA";

    /** The first steps an identity provider checks (OIDC, SAML); an LDAP directory's is a password. */
    static final Set<String> IDP_FIRST_FACTORS =
            Set.of(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, FactorGrantedAuthority.SAML_RESPONSE_AUTHORITY);

    /** What a web request's authentication may reach. */
    public enum Verdict {
        /** Everything its authorities allow. */
        SIGNED_IN,
        /** Only the second step of the sign-in: the password was right, the second factor is still to come. */
        SECOND_FACTOR_NEEDED,
        /** Only the MFA enrolment pages: the account must use MFA and has no second factor yet. */
        MUST_ENROL,
        /** Nothing: not signed in, or the account is gone or disabled. */
        NONE
    }

    private final ObjectProvider<MfaRequirement> requirements;
    private final Accounts accounts;
    private final TotpSecrets totp;
    private final PasskeyRows passkeys;
    private final StaffPasskeys staffPasskeys;

    /** True when any requirement says the account must use MFA. */
    public boolean required(UUID accountId) {
        return requirements.orderedStream().anyMatch(requirement -> requirement.requiredFor(accountId));
    }

    @Override
    public Optional<MfaStatus> of(String username) {
        return accounts.findByUsername(Usernames.normalise(username)).map(this::statusOf);
    }

    MfaStatus statusOf(Account account) {
        boolean totpOn = totp.find(account.id())
                .filter(TotpSecrets.StoredTotp::confirmed)
                .isPresent();
        return new MfaStatus(
                account.id(),
                totpOn,
                passkeys.countOf(account.username()),
                totpOn ? totp.recoveryCodesLeft(account.id()) : 0,
                required(account.id()));
    }

    /** What a web request signed in with {@code authentication} may reach. */
    public Verdict verdict(Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Verdict.NONE;
        }
        Optional<Account> found = accounts.findByUsername(authentication.getName());
        if (found.isEmpty() || found.get().status() != AccountStatus.ACTIVE) {
            return Verdict.NONE;
        }
        Account account = found.get();
        Set<String> factors = authentication.getAuthorities().stream()
                .filter(FactorGrantedAuthority.class::isInstance)
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean passkey = factors.contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
        boolean code = factors.contains(ONE_TIME_CODE_FACTOR);
        boolean idp = factors.stream().anyMatch(IDP_FIRST_FACTORS::contains);
        if (!passkey && !idp && !factors.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return Verdict.NONE;
        }
        // The provider's MFA counts only after its own first step, and only where its connection trusts it.
        boolean idpMfa = idp && factors.contains(IDP_SECOND_FACTOR);
        Verdict verdict;
        if (account.mfaEnrolled()) {
            verdict = passkey || code || idpMfa ? Verdict.SIGNED_IN : Verdict.SECOND_FACTOR_NEEDED;
        } else {
            verdict = required(account.id()) && !idpMfa ? Verdict.MUST_ENROL : Verdict.SIGNED_IN;
        }
        // Staff who must use a passkey and signed in without one reach only the page where they register one.
        if (verdict == Verdict.SIGNED_IN && !passkey && staffPasskeys.required(account)) {
            return Verdict.MUST_ENROL;
        }
        return verdict;
    }

    /**
     * The API caller of a fully signed-in web session, for the web application's own scripts: the
     * account with the {@code read} and {@code write} scopes (never {@code admin}) and no token. Empty
     * unless the session has passed every sign-in step.
     */
    public Optional<ApiCaller> browserCaller(Authentication authentication) {
        if (verdict(authentication) != Verdict.SIGNED_IN) {
            return Optional.empty();
        }
        return accounts.findByUsername(authentication.getName())
                .map(account -> new ApiCaller(
                        account.id(),
                        account.username(),
                        account.staffRole() == null ? null : account.staffRole().name(),
                        account.mfaEnrolled(),
                        required(account.id()),
                        null,
                        Set.of(ApiScope.READ, ApiScope.WRITE)));
    }
}
