package io.selvedge.identity;

/** The username and password (or code) do not match an account; the same words whichever was wrong. */
public class SignInFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInFailedException(String reason) {
        super(reason);
    }
}
