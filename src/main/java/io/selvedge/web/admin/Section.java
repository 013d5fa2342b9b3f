package io.selvedge.web.admin;

import io.selvedge.access.Action;
import lombok.RequiredArgsConstructor;

/** The sections of a group's admin console, in the side menu's order, each with the action that shows it. */
@RequiredArgsConstructor
enum Section {
    MEMBERS("members", Action.SEE_GROUP_MEMBERS),
    INVITATIONS("invitations", Action.SEE_GROUP_MEMBERS),
    SECURITY("security", Action.VIEW_GROUP_SETTINGS),
    STAGES("stages", Action.MANAGE_STAGES),
    SINGLE_SIGN_ON("sso", Action.MANAGE_IDENTITY_PROVIDERS),
    PROVISIONING("scim", Action.MANAGE_SCIM_TOKENS),
    AUDIT("audit", Action.READ_AUDIT),
    ACCESS_REQUESTS("access-requests", Action.DECIDE_ACCESS_REQUESTS),
    // Rendered by the monitoring module, inside this console's frame (AdminConsole).
    ALERTS("alerts", Action.SEE_ALERTS),
    ALERT_CONTACTS("alert-contacts", Action.MANAGE_ALERTS),
    DEVELOPER("developer", Action.MANAGE_INTEGRATION_TOKENS),
    USAGE("usage", Action.VIEW_GROUP_SETTINGS);

    private final String path;
    private final Action shownTo;

    /** The last step of the section's address, also its message key: {@code admin.section.<path>}. */
    String path() {
        return path;
    }

    Action shownTo() {
        return shownTo;
    }
}
