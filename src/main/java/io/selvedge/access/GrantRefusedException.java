package io.selvedge.access;

import io.selvedge.platform.Refusal;

/**
 * A grant or revocation that cannot be: a role on the wrong level, a grantee who cannot hold it, or the
 * last group admin removed or demoted. Answered 409; the message says why and is shown.
 */
public class GrantRefusedException extends Refusal.Conflict {

    private static final long serialVersionUID = 1L;

    public GrantRefusedException(String message) {
        super(message);
    }
}
