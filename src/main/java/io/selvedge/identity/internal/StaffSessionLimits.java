package io.selvedge.identity.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import io.selvedge.identity.SessionLimits;
import io.selvedge.identity.StaffProperties;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Staff sessions are shorter ({@code selvedge.staff.idle-timeout}, {@code absolute-timeout}): asked on every
 * request of a signed-in session, so whether an account is staff is remembered for a few seconds. Not a bean:
 * {@link GroupSessionLimits} asks it beside the {@link SessionLimits} beans.
 */
class StaffSessionLimits implements SessionLimits {

    private final Limits staff;
    private final Accounts accounts;
    private final Cache<UUID, Boolean> isStaff = CacheBuilder.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10))
            .maximumSize(10_000)
            .build();

    StaffSessionLimits(StaffProperties properties, Accounts accounts) {
        this.staff = new Limits(properties.idleTimeout(), properties.absoluteTimeout());
        this.accounts = accounts;
    }

    @Override
    public Limits limitsFor(UUID accountId) {
        try {
            boolean staffAccount = isStaff.get(
                    accountId,
                    () -> accounts.findById(accountId)
                            .map(account -> account.staffRole() != null)
                            .orElse(false));
            return staffAccount ? staff : Limits.none();
        } catch (ExecutionException failed) {
            throw new IllegalStateException("The account could not be read", failed.getCause());
        }
    }
}
