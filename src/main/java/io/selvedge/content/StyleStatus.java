package io.selvedge.content;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where a style stands in review. */
public enum StyleStatus {
    IN_REVIEW,
    APPROVED,
    REJECTED;

    /** The status a request names, in any case; {@link InvalidContentException} for anything else. */
    public static StyleStatus named(@Nullable String status) {
        try {
            return valueOf(status == null ? "" : status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidContentException("The status is IN_REVIEW, APPROVED or REJECTED.");
        }
    }
}
