package io.selvedge.content;

/** Where a style stands in review. */
public enum StyleStatus {
    IN_REVIEW,
    APPROVED,
    REJECTED
}
