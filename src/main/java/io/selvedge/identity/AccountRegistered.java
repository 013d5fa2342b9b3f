package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A customer account was created (through an invitation); it acted itself, by accepting. */
public record AccountRegistered(UUID accountId, RequestOrigin auditOrigin) implements AccountEvent {

    @Override
    public String auditAction() {
        return "account.registered";
    }
}
