package io.selvedge.identity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an API token may do. {@code read}: GET and HEAD. {@code write}: read, and every other method.
 * {@code admin}: write, and the admin endpoints ({@code /api/v1/admin/**}); the caller's roles still
 * decide. Each scope becomes the authorities {@code SCOPE_<name>} of the scopes it includes.
 */
public enum ApiScope {
    READ,
    WRITE,
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "SCOPE_" + id();
    }

    /** This scope and those it includes. */
    public Set<ApiScope> included() {
        return switch (this) {
            case READ -> EnumSet.of(READ);
            case WRITE -> EnumSet.of(READ, WRITE);
            case ADMIN -> EnumSet.allOf(ApiScope.class);
        };
    }

    /** @throws IllegalArgumentException for anything but read, write or admin */
    public static ApiScope of(String id) {
        for (ApiScope scope : values()) {
            if (scope.id().equals(id)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("A scope is read, write or admin.");
    }
}
