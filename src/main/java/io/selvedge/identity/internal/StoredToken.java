package io.selvedge.identity.internal;

import io.selvedge.identity.ApiScope;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of api_token with what authentication needs of its account. */
record StoredToken(
        UUID id,
        UUID accountId,
        String username,
        StaffRole staffRole,
        AccountStatus accountStatus,
        boolean mfaEnrolled,
        String name,
        byte[] hash,
        Set<ApiScope> scopes,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        String lastUsedFrom,
        @Nullable UUID ssoConnectionId) {}
