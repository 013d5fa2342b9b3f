package io.selvedge.sso.internal.ldap;

import java.util.Locale;
import lombok.RequiredArgsConstructor;

/**
 * The directory did not vouch for the person. The {@link Reason} is for the audit trail and the operator's
 * log; the person is told only that the e-mail or password is wrong, or, when the directory could not be
 * asked, that signing in is unavailable. The message never holds a password.
 */
public class DirectorySignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why, in the words of the audit trail ({@link #code()}). */
    @RequiredArgsConstructor
    public enum Reason {
        /** No password, or one the directory would take as an anonymous bind. */
        EMPTY_PASSWORD(true),
        /** The e-mail address is not one the filter may be asked about. */
        INVALID_EMAIL(true),
        /** The user search found nobody. */
        UNKNOWN_ACCOUNT(true),
        /** The user search found more than one entry: the filter is ambiguous, nobody is signed in. */
        AMBIGUOUS_ACCOUNT(true),
        /** The bind as the person failed. */
        WRONG_PASSWORD(true),
        /** The service account's bind failed: the connection's bindDn or bindPassword is wrong. */
        SERVICE_BIND_FAILED(false),
        /** The directory's certificate is not trusted, or not issued for the host in the URL. */
        UNTRUSTED_CERTIFICATE(false),
        /** The directory refused StartTLS (or the server speaks no TLS). */
        TLS_UNAVAILABLE(false),
        /** Nobody answered in time, or the connection was refused or dropped. */
        DIRECTORY_UNREACHABLE(false),
        /** Any other failure of the directory. */
        DIRECTORY_ERROR(false);

        private final boolean personsFault;

        /** A failure of the person's credentials (counted by the sign-in throttle), not of the directory. */
        public boolean personsFault() {
            return personsFault;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    DirectorySignInRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    DirectorySignInRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason as the audit trail spells it: {@code wrong-password}, {@code directory-unreachable}… */
    public String code() {
        return reason.code();
    }
}
