package io.selvedge.sso.internal.saml;

/**
 * A SAML message refused: why, in a word fit for the audit trail ({@link Reason}), and a detail for the log
 * that names no personal data or secret.
 */
public final class SamlRefusal extends Exception {

    /** Why a response or a metadata document was refused. */
    public enum Reason {
        MALFORMED,
        UNSIGNED,
        BAD_SIGNATURE,
        SIGNATURE_WRAPPING,
        ENCRYPTED_UNSUPPORTED,
        IDP_STATUS,
        WRONG_ISSUER,
        WRONG_DESTINATION,
        WRONG_RECIPIENT,
        WRONG_AUDIENCE,
        EXPIRED,
        NOT_YET_VALID,
        UNKNOWN_REQUEST,
        REPLAYED,
        NO_EMAIL
    }

    private final Reason reason;

    public SamlRefusal(Reason reason, String detail) {
        super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
