package io.selvedge.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A customer's group, as its members see it: the name is decrypted. */
public record Group(UUID id, String name, String region, Instant createdAt) {}
