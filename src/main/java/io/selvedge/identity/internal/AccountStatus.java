package io.selvedge.identity.internal;

enum AccountStatus {
    ACTIVE,
    DISABLED
}
