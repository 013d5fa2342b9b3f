package io.selvedge.sso.internal;

import io.selvedge.sso.SsoSignInRefusedException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Whether an address an identity provider vouched for may sign in through a connection: one address (no
 * blank, control character or second {@code @}, as a SAML response's is read), whose domain is one of the
 * connection's.
 */
public final class SignInEmails {

    /** One {@code @}, a local part of at most 64 and a domain of at most 253 characters, none blank or invisible. */
    private static final Pattern ONE_ADDRESS =
            Pattern.compile("[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]{1,64}@[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]{1,253}");

    private SignInEmails() {}

    /**
     * The address in lower case, when its domain is one of {@code domains} (normalised, lower-case ASCII).
     *
     * @throws SsoSignInRefusedException {@code no-email} for no address, {@code domain-not-connected} for
     *     another domain
     */
    public static String connected(@Nullable String email, List<String> domains) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!ONE_ADDRESS.matcher(address).matches()) {
            throw new SsoSignInRefusedException("no-email");
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new SsoSignInRefusedException("no-email");
        }
        String domain;
        try {
            domain = ConnectionChecks.normalisedDomain(address.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new SsoSignInRefusedException("no-email");
        }
        if (!domains.contains(domain)) {
            throw new SsoSignInRefusedException("domain-not-connected");
        }
        return address;
    }
}
