package io.selvedge.identity;

import java.util.UUID;

/**
 * Whether an account must use MFA. Every bean of this type is asked, and one "yes" is enough: identity says
 * yes for platform staff; the access module adds group admins and the groups whose security policy requires
 * MFA. Until such an account enrols a second factor (TOTP or a passkey), it reaches only {@code /me} and the
 * enrolment pages and endpoints.
 *
 * <p>Implementations are asked on every web request of a signed-in account and when an API token is read
 * (then cached briefly): keep them to a cheap look-up.
 */
public interface MfaRequirement {

    boolean requiredFor(UUID accountId);
}
