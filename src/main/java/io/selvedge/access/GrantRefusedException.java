package io.selvedge.access;

/**
 * A grant or revocation that cannot be: a role on the wrong level, a grantee who cannot hold it, or the
 * last group admin removed or demoted. The message says why and may be shown (409).
 */
public class GrantRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GrantRefusedException(String message) {
        super(message);
    }
}
