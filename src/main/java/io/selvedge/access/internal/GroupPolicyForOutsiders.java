package io.selvedge.access.internal;

import io.selvedge.access.EmailDomains;
import io.selvedge.access.SecurityPolicy;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A group's policy for the accounts it does not manage (outside collaborators), applied to their requests
 * for the group's resources only: MFA required (the account has a second factor, so its sign-in passed
 * one), the session limits (a web session older, or idle in this group longer, than the group allows) and
 * single sign-on only (the sign-in went through an identity provider). The accounts the group manages have
 * its policy account-wide already ({@link PolicyService}); the IP allow-list applies to everyone.
 */
@Component
@RequiredArgsConstructor
class GroupPolicyForOutsiders implements OutsiderPolicy {

    /** The factors of a sign-in through an identity provider (OIDC, SAML). */
    static final Set<String> SSO_FACTORS =
            Set.of(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY, FactorGrantedAuthority.SAML_RESPONSE_AUTHORITY);

    private static final String LAST_SEEN = GroupPolicyForOutsiders.class.getName() + ".lastSeen.";

    private final PolicyRepository policies;
    private final EmailDomains domains;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final BreakGlassRepository breakGlass;

    @Override
    public Optional<String> refusal(UUID groupId, long grantVersion, Caller caller) {
        SecurityPolicy policy = policies.policy(groupId, grantVersion);
        boolean strict = policy.mfaRequired()
                || !policy.passwordSignIn()
                || policy.idleTimeout() != null
                || policy.absoluteTimeout() != null;
        if (!strict
                || domains.managingGroupOf(caller.accountId())
                        .filter(groupId::equals)
                        .isPresent()) {
            return Optional.empty();
        }
        if (policy.mfaRequired()
                && !accounts.account(caller.accountId())
                        .map(AccountSummary::mfaEnrolled)
                        .orElse(false)) {
            return Optional.of(
                    "This group requires MFA: enrol a second factor (account page) to reach its" + " resources.");
        }
        if (!policy.passwordSignIn()
                && !signedInThroughSso()
                && !breakGlass.of(groupId).contains(caller.accountId())) {
            return Optional.of("This group admits single sign-on only: sign in through your organisation's"
                    + " identity provider to reach its resources.");
        }
        HttpSession session = session();
        if (session != null) {
            Instant now = clock.instant();
            if (policy.absoluteTimeout() != null
                    && !now.isBefore(
                            Instant.ofEpochMilli(session.getCreationTime()).plus(policy.absoluteTimeout()))) {
                return Optional.of("This group's session limit has passed: sign in again to reach its resources.");
            }
            String key = LAST_SEEN + groupId;
            if (policy.idleTimeout() != null
                    && session.getAttribute(key) instanceof Long seen
                    && !now.isBefore(Instant.ofEpochMilli(seen).plus(policy.idleTimeout()))) {
                return Optional.of("You were idle in this group longer than it allows: sign in again to reach"
                        + " its resources.");
            }
            session.setAttribute(key, now.toEpochMilli());
        }
        return Optional.empty();
    }

    /** Whether the current authentication went through an identity provider. */
    static boolean signedInThroughSso() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(SSO_FACTORS::contains);
    }

    @Nullable
    private static HttpSession session() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getSession(false);
        }
        return null;
    }
}
