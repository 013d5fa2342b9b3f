package io.selvedge.identity;

import java.util.UUID;

/** The installation got a platform admin, from the bootstrap settings or the setup link. */
public record PlatformAdminCreated(UUID accountId, String username, String via) {}
