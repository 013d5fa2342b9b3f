package io.selvedge.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an approved access request lets a staff member do in one group, on its node and below (the admin
 * console's scope is on the group itself). Nothing else: every other action answers as it would to anyone
 * without a role, and the group itself is only seen (its name), never listed beyond the scope.
 */
public enum AccessScope {
    /** The admin console, read-only: settings, members, the audit trail, alerts, the residency report. */
    ADMIN_CONSOLE_READ_ONLY(
            Action.VIEW_GROUP,
            Action.VIEW_GROUP_SETTINGS,
            Action.READ_AUDIT,
            Action.READ_RESIDENCY_REPORT,
            Action.SEE_GROUP_MEMBERS,
            Action.SEE_COMPANY_MEMBERS,
            Action.SEE_BRAND_MEMBERS,
            Action.SEE_ALERTS),
    /** The content of one node and everything below it, read-only (view and download). */
    CONTENT_READ_ONLY(Action.VIEW, Action.DOWNLOAD),
    /**
     * Acting as support on one node (reset an outside collaborator's MFA, fix a stuck upload): it sees the
     * node and below, so that support finds what to fix; the support operations check this scope themselves.
     */
    SUPPORT_ACTIONS(Action.VIEW),
    /**
     * Break-glass: emergency access, read-only, to the whole group (its admin console and its content), opened
     * by two platform admins for at most one hour when the customer cannot answer.
     */
    EMERGENCY_READ_ONLY(
            Action.VIEW_GROUP_SETTINGS,
            Action.READ_AUDIT,
            Action.READ_RESIDENCY_REPORT,
            Action.SEE_GROUP_MEMBERS,
            Action.SEE_COMPANY_MEMBERS,
            Action.SEE_BRAND_MEMBERS,
            Action.SEE_ALERTS,
            Action.VIEW,
            Action.DOWNLOAD);

    private final Set<Action> actions;

    AccessScope(Action first, Action... more) {
        this.actions = EnumSet.of(first, more);
    }

    /** The actions the scope holds on its node and below (plus seeing the group, for every scope). */
    public Set<Action> actions() {
        EnumSet<Action> held = EnumSet.copyOf(actions);
        held.add(Action.VIEW_GROUP);
        return held;
    }

    /** Whether the scope is on the group as a whole (its node is the group). */
    public boolean onGroup() {
        return this == ADMIN_CONSOLE_READ_ONLY || this == EMERGENCY_READ_ONLY;
    }
}
