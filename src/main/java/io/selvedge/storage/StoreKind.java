package io.selvedge.storage;

/** The two kinds of store, each with its own Flyway migrations. */
public enum StoreKind {
    /** Accounts, the directory of groups and their regions, installation settings. */
    GLOBAL,
    /** All content of the groups that live in one region. */
    REGIONAL
}
