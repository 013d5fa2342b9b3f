package io.selvedge.access;

import io.selvedge.platform.Refusal;

/** An access request that cannot be made or decided as asked. */
public final class AccessRequestRefusedException {

    private AccessRequestRefusedException() {}

    /** 422: a request without a reason or ticket, or with a duration out of range. */
    public static Refusal invalid(String detail) {
        return new Invalid(detail);
    }

    /** 409: a decision on a request that is no longer pending, or a revocation of one not open. */
    public static Refusal conflict(String detail) {
        return new Conflict(detail);
    }

    static final class Invalid extends Refusal.Unprocessable {
        private static final long serialVersionUID = 1L;

        Invalid(String detail) {
            super(detail);
        }
    }

    static final class Conflict extends Refusal.Conflict {
        private static final long serialVersionUID = 1L;

        Conflict(String detail) {
            super(detail);
        }
    }
}
