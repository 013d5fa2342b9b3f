package io.selvedge.storage;

/** What an id names, as its home in the global directory records it. */
public enum ResourceKind {
    NODE,
    STYLE,
    VERSION,
    UPLOAD,
    COMMENT,
    LINK
}
