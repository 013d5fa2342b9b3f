package io.selvedge.access;

import static io.selvedge.access.Role.BRAND_ADMIN;
import static io.selvedge.access.Role.BRAND_COLLABORATOR;
import static io.selvedge.access.Role.COMPANY_ADMIN;
import static io.selvedge.access.Role.COMPANY_COLLABORATOR;
import static io.selvedge.access.Role.EDITOR;
import static io.selvedge.access.Role.GROUP_ADMIN;
import static io.selvedge.access.Role.GROUP_OPERATOR;
import static io.selvedge.access.Role.VIEWER;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;

/**
 * The permission table: which role may do which action. The one declaration from which the decisions
 * ({@link Authorization}), the documentation page {@code docs/permissions.md} and the tests are made.
 * A role granted on a node holds for everything below it; a caller's roles on the path from the group to
 * the target add up. A viewer's share may allow download and upload ({@link Cell#VIEWER_IF_DOWNLOAD},
 * {@link Cell#VIEWER_IF_UPLOAD}).
 */
public final class PermissionTable {

    /** What one cell of the table says. */
    @RequiredArgsConstructor
    public enum Cell {
        YES("✓"),
        NO(""),
        VIEWER_IF_DOWNLOAD("+dl"),
        VIEWER_IF_UPLOAD("+ul");

        private final String mark;

        public String mark() {
            return mark;
        }
    }

    static {
        if (Action.values().length > Long.SIZE) {
            throw new IllegalStateException("More actions than bits in a mask");
        }
    }

    private static final Map<Action, Map<Role, Cell>> TABLE = new EnumMap<>(Action.class);

    static {
        // Every member sees the group itself, whatever node their grant is on.
        row(Action.VIEW_GROUP, GROUP_ADMIN, GROUP_OPERATOR, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN)
                .also(BRAND_COLLABORATOR, EDITOR, VIEWER);
        row(Action.CHANGE_GROUP_SETTINGS, GROUP_ADMIN);
        row(Action.CHANGE_SECURITY_POLICY, GROUP_ADMIN);
        row(Action.VIEW_GROUP_SETTINGS, GROUP_ADMIN, GROUP_OPERATOR);
        row(Action.READ_AUDIT, GROUP_ADMIN, GROUP_OPERATOR);
        row(Action.READ_RESIDENCY_REPORT, GROUP_ADMIN, GROUP_OPERATOR);
        row(Action.MANAGE_INTEGRATION_TOKENS, GROUP_ADMIN, GROUP_OPERATOR);
        row(Action.INVITE_TO_GROUP, GROUP_ADMIN);
        row(Action.SEE_GROUP_MEMBERS, GROUP_ADMIN, GROUP_OPERATOR);
        row(Action.MANAGE_DOMAINS, GROUP_ADMIN);
        row(Action.MANAGE_IDENTITY_PROVIDERS, GROUP_ADMIN);
        row(Action.MANAGE_ACCOUNTS, GROUP_ADMIN);
        row(Action.MANAGE_SCIM_TOKENS, GROUP_ADMIN);
        row(Action.SEE_ALERTS, GROUP_ADMIN, GROUP_OPERATOR);
        row(Action.DECIDE_ACCESS_REQUESTS, GROUP_ADMIN);
        row(Action.MANAGE_ALERTS, GROUP_ADMIN);
        row(Action.MANAGE_STAGES, GROUP_ADMIN);
        row(Action.CREATE_COMPANY, GROUP_ADMIN);
        row(Action.DELETE_COMPANY, GROUP_ADMIN);
        row(Action.CHANGE_COMPANY_SETTINGS, GROUP_ADMIN, COMPANY_ADMIN);
        row(Action.INVITE_TO_COMPANY, GROUP_ADMIN, COMPANY_ADMIN);
        row(Action.SEE_COMPANY_MEMBERS, GROUP_ADMIN, GROUP_OPERATOR, COMPANY_ADMIN, COMPANY_COLLABORATOR);
        row(Action.MANAGE_BRANDS, GROUP_ADMIN, COMPANY_ADMIN);
        row(Action.SHARE_COMPANY_LIBRARY, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR);
        row(Action.CHANGE_BRAND_SETTINGS, GROUP_ADMIN, COMPANY_ADMIN, BRAND_ADMIN);
        row(Action.INVITE_TO_BRAND, GROUP_ADMIN, COMPANY_ADMIN, BRAND_ADMIN);
        row(Action.SEE_BRAND_MEMBERS, GROUP_ADMIN, GROUP_OPERATOR, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN)
                .also(BRAND_COLLABORATOR);
        row(Action.MANAGE_SEASONS, GROUP_ADMIN, COMPANY_ADMIN, BRAND_ADMIN);
        row(Action.MANAGE_WORKROOMS, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR);
        row(Action.VIEW, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR, VIEWER);
        row(Action.COMMENT, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR, VIEWER);
        row(Action.DELETE_ANY_COMMENT, GROUP_ADMIN, COMPANY_ADMIN, BRAND_ADMIN);
        row(Action.UPLOAD, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR)
                .cell(VIEWER, Cell.VIEWER_IF_UPLOAD);
        row(Action.EDIT_STYLE, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR);
        row(Action.MOVE_OR_DELETE_STYLE, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN)
                .also(BRAND_COLLABORATOR);
        row(Action.DOWNLOAD, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR)
                .cell(VIEWER, Cell.VIEWER_IF_DOWNLOAD);
        row(Action.APPROVE, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR);
        // Each stage narrows this to the roles it admits (content.Stages).
        row(Action.MOVE_TO_STAGE, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR);
        row(Action.SHARE, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR);
        row(Action.MANAGE_LINKS, GROUP_ADMIN, COMPANY_ADMIN, COMPANY_COLLABORATOR, BRAND_ADMIN, BRAND_COLLABORATOR)
                .also(EDITOR);
        row(Action.TAKE_OVER_LINKS, GROUP_ADMIN, COMPANY_ADMIN, BRAND_ADMIN);
        for (Action action : Action.values()) {
            if (!TABLE.containsKey(action)) {
                throw new IllegalStateException("The permission table has no row for " + action);
            }
        }
    }

    /** Per role, per share flags (download, upload): the actions it permits, precomputed. */
    private static final Map<Role, Set<Action>[]> PERMITTED = new EnumMap<>(Role.class);

    private static final long[][] MASKS = new long[Role.values().length][4];

    static {
        for (Role role : Role.values()) {
            @SuppressWarnings("unchecked")
            Set<Action>[] byFlags = new Set[4];
            for (int flags = 0; flags < 4; flags++) {
                EnumSet<Action> actions = EnumSet.noneOf(Action.class);
                for (Action action : Action.values()) {
                    if (permitted(cell(role, action), (flags & 1) != 0, (flags & 2) != 0)) {
                        actions.add(action);
                        MASKS[role.ordinal()][flags] |= 1L << action.ordinal();
                    }
                }
                byFlags[flags] = Collections.unmodifiableSet(actions);
            }
            PERMITTED.put(role, byFlags);
        }
    }

    private PermissionTable() {}

    /** The cell of a role and an action. */
    public static Cell cell(Role role, Action action) {
        return TABLE.get(action).getOrDefault(role, Cell.NO);
    }

    /** Whether the role permits the action, with a share's download and upload flags (viewers only). */
    public static boolean permits(Role role, Action action, boolean allowDownload, boolean allowUpload) {
        return permitted(role, allowDownload, allowUpload).contains(action);
    }

    /** The actions a role permits, with a share's flags; do not modify. */
    public static Set<Action> permitted(Role role, boolean allowDownload, boolean allowUpload) {
        return PERMITTED.get(role)[(allowDownload ? 1 : 0) | (allowUpload ? 2 : 0)];
    }

    /**
     * {@link #permitted} as a bit mask: bit {@code action.ordinal()} is set for each permitted action. For
     * the decision point, which adds up the roles on a path many times a second.
     */
    public static long permittedMask(Role role, boolean allowDownload, boolean allowUpload) {
        return MASKS[role.ordinal()][(allowDownload ? 1 : 0) | (allowUpload ? 2 : 0)];
    }

    /** The roles whose cell for the action is not empty. */
    public static Set<Role> rolesFor(Action action) {
        return EnumSet.copyOf(TABLE.get(action).keySet());
    }

    /**
     * Whether {@code granter} holds at least what {@code role} would give: nobody grants a role stronger
     * than their own on that node.
     */
    public static boolean atLeast(Set<Action> granter, Role role, boolean allowDownload, boolean allowUpload) {
        return granter.containsAll(permitted(role, allowDownload, allowUpload));
    }

    private static boolean permitted(Cell cell, boolean download, boolean upload) {
        return switch (cell) {
            case YES -> true;
            case NO -> false;
            case VIEWER_IF_DOWNLOAD -> download;
            case VIEWER_IF_UPLOAD -> upload;
        };
    }

    /** The documentation page, as {@code docs/permissions.md} holds it. */
    public static String markdown() {
        StringBuilder page = new StringBuilder();
        page.append("# Permissions\n\n")
                .append("Generated from `io.selvedge.access.PermissionTable` at build time: do not edit by hand.\n")
                .append("A role granted on a node holds for everything below it; the roles a caller holds on the\n")
                .append("path from the group to a target add up. A target the caller may do nothing with answers\n")
                .append("404 (its existence is not revealed); one they may do something else with answers 403.\n\n")
                .append("Roles: ");
        page.append(java.util.Arrays.stream(Role.values())
                        .map(role -> "**" + role.abbreviation() + "** " + role.name() + " (on "
                                + role.grantedOn().stream().map(Level::noun).collect(Collectors.joining(", "))
                                + (role.byShare() ? ", by share" : "") + ")")
                        .collect(Collectors.joining(" · ")))
                .append(".\n\n| action | on |");
        for (Role role : Role.values()) {
            page.append(' ').append(role.abbreviation()).append(" |");
        }
        page.append("\n|---|---|");
        page.append("---|".repeat(Role.values().length)).append('\n');
        for (Action action : Action.values()) {
            page.append("| ")
                    .append(action.description())
                    .append(" (`")
                    .append(action.name())
                    .append("`) | ")
                    .append(action.levels().stream().map(Level::noun).collect(Collectors.joining(", ")))
                    .append(" |");
            for (Role role : Role.values()) {
                String mark = cell(role, action).mark();
                page.append(mark.isEmpty() ? " |" : " " + mark + " |");
            }
            page.append('\n');
        }
        page.append("\n+dl / +ul: only when the viewer's share allows download / upload.\n")
                .append("`VIEW_GROUP` is held by every member of the group, whatever node their grant is on.\n")
                .append(
                        "Platform staff hold no role in a customer's group: they see nothing of it without an approved\n")
                .append("access request (below).\n");
        page.append(
                "\n## Platform staff\n\nWhat staff roles may do on the installation (`StaffAction`); they hold no role in a customer's"
                        + " group.\n\n| action |");
        StaffAction.ROLES.forEach(role -> page.append(' ').append(role).append(" |"));
        page.append("\n|---|").append("---|".repeat(StaffAction.ROLES.size())).append('\n');
        for (StaffAction action : StaffAction.values()) {
            page.append("| ")
                    .append(action.description())
                    .append(" (`")
                    .append(action.name())
                    .append("`) |");
            StaffAction.ROLES.forEach(role -> {
                String mark = action.mark(role);
                page.append(mark.isEmpty() ? " |" : " " + mark + " |");
            });
            page.append('\n');
        }
        page.append("\n‡: only within the scope of an access request the group's admins approved (`AccessScope`:\n")
                .append(java.util.Arrays.stream(AccessScope.values())
                        .filter(scope -> scope != AccessScope.EMERGENCY_READ_ONLY)
                        .map(scope -> "`" + scope.name() + "` "
                                + scope.actions().stream()
                                        .map(Action::name)
                                        .sorted()
                                        .collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; ")))
                .append("), on its node and below, until it expires or a group admin revokes it. No staff role\n")
                .append("may read a group's content, members or trail without one: every group resource answers 404.\n")
                .append(
                        "Break-glass (`OPEN_BREAK_GLASS`) grants `EMERGENCY_READ_ONLY` on the whole group for at most an\n")
                .append("hour: read-only, the admin console and the content, approved by a second platform admin.\n");
        return page.toString();
    }

    private static RowBuilder row(Action action, Role... roles) {
        Map<Role, Cell> cells = new EnumMap<>(Role.class);
        TABLE.put(action, cells);
        RowBuilder row = new RowBuilder(cells);
        return row.also(roles);
    }

    private record RowBuilder(Map<Role, Cell> cells) {
        RowBuilder also(Role... roles) {
            for (Role role : roles) {
                cells.put(role, Cell.YES);
            }
            return this;
        }

        RowBuilder cell(Role role, Cell cell) {
            cells.put(role, cell);
            return this;
        }
    }
}
