package io.selvedge.access;

import io.selvedge.platform.Refusal;

/**
 * An invitation link that is unknown, already used, revoked or expired: answered 404, the same for each,
 * so a link reveals nothing but that it does not work.
 */
public class InvitationInvalidException extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    public InvitationInvalidException() {
        super("This invitation link does not work: it was used, revoked, or is older than " + Invitations.VALID_DAYS
                + " days. Ask for a new one.");
    }
}
