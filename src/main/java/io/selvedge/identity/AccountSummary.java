package io.selvedge.identity;

import java.time.Instant;
import java.util.UUID;

/** An account as its owner sees it. {@code staffRole} is null for customers. */
public record AccountSummary(
        UUID id, String username, String staffRole, boolean mfaEnrolled, Instant createdAt, Instant lastSignInAt) {}
