package io.selvedge.monitoring.internal;

import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.Refusal;
import org.springframework.security.core.Authentication;

/** No such alert, or one the caller may not see: 404. */
class AlertNotFound extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    AlertNotFound() {
        super("No such alert.");
    }

    /**
     * The staff member allowed to see alerts, else no alert is found (404); to do {@code action} (change one), the
     * role must also allow that (403).
     */
    static Caller unlessStaffMay(StaffAction action, Callers callers, Authentication authentication) {
        Caller caller =
                StaffAction.SEE_ALERTS.staffCaller(callers, authentication).orElseThrow(AlertNotFound::new);
        action.require(authentication);
        return caller;
    }
}
