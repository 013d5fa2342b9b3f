package io.selvedge.access.internal;

import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.PlatformStaff;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** A platform admin: a staff account whose request carries the platform admin authority. */
@Component
class PlatformAdmins implements PlatformStaff {

    private final Callers callers;

    PlatformAdmins(Callers callers) {
        this.callers = callers;
    }

    @Override
    public boolean isPlatformAdmin() {
        return admin().isPresent();
    }

    @Override
    public Caller requirePlatformAdmin(String detail) {
        return admin().orElseThrow(() -> new ActionDeniedException(detail));
    }

    private Optional<Caller> admin() {
        return callers.current()
                .filter(Caller::staff)
                .filter(staff -> Callers.isPlatformAdmin(
                        SecurityContextHolder.getContext().getAuthentication()));
    }
}
