package io.selvedge.platform;

/**
 * Thrown while starting when running would break a promise of the installation (a store of another
 * environment, a development certificate in production...). The message says what was found and what
 * was expected; the action says how to put it right. The process exits non-zero.
 */
public class StartupRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    public StartupRefusedException(String message, String action) {
        super(message);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
