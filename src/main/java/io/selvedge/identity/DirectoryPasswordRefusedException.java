package io.selvedge.identity;

/**
 * A directory did not vouch for a password, or the organisation refused the sign-in after it did. {@code
 * reason} is a slug for the audit trail ({@code wrong-password}, {@code unknown-account},
 * {@code directory-unreachable}, {@code account-deactivated}…); {@code guess} tells a failure that may be a
 * guess of the password (counted by the sign-in throttle) from a failure of the directory or the setup.
 */
public class DirectoryPasswordRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final boolean guess;

    public DirectoryPasswordRefusedException(String reason, boolean guess) {
        super("The directory sign-in was refused: " + reason);
        this.reason = reason;
        this.guess = guess;
    }

    public String reason() {
        return reason;
    }

    public boolean guess() {
        return guess;
    }
}
