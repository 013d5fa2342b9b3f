package io.selvedge.access.internal;

import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.PlatformStaff;
import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A platform admin: a request with the platform admin authority, which only staff accounts are given. */
@Component
@RequiredArgsConstructor
class PlatformAdmins implements PlatformStaff {

    private final Callers callers;

    @Override
    public boolean isPlatformAdmin() {
        return Callers.isPlatformAdmin(SecurityContextHolder.getContext().getAuthentication());
    }

    @Override
    public Caller requirePlatformAdmin(String detail) {
        return admin().orElseThrow(() -> new ActionDeniedException(detail));
    }

    @Override
    public Optional<Caller> allowedTo(StaffAction action) {
        return callers.current()
                .filter(Caller::staff)
                .filter(staff ->
                        action.allowedTo(SecurityContextHolder.getContext().getAuthentication()));
    }

    private Optional<Caller> admin() {
        return callers.current().filter(Caller::staff).filter(staff -> isPlatformAdmin());
    }
}
