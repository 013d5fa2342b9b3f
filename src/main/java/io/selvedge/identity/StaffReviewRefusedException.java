package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/** A review action that would lock the installation out, or that an admin may not take on their own account. */
public class StaffReviewRefusedException extends Refusal.Conflict {

    private static final long serialVersionUID = 1L;

    public StaffReviewRefusedException(String detail) {
        super(detail);
    }
}
