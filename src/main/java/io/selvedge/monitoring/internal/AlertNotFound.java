package io.selvedge.monitoring.internal;

import io.selvedge.platform.Refusal;

/** No such alert, or one the caller may not see: 404. */
class AlertNotFound extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    AlertNotFound() {
        super("No such alert.");
    }
}
