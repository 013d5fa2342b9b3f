package io.selvedge.web.shell;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Grants;
import io.selvedge.identity.Caller;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NoSuchNodeException;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The groups a person belongs to and the one they chose: kept in the session, changed by {@code ?group=}.
 * A group they no longer belong to is never chosen.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ChosenGroup {

    /** The session attribute holding the chosen group's id (a string). */
    public static final String SESSION_ATTRIBUTE = "selvedge.group";

    private final Grants grants;
    private final Groups groups;
    private final Authorization authorization;

    /** The caller's groups they may see from here (allow-lists), by name; none for staff. */
    public List<Group> groupsOf(Caller caller) {
        if (caller.staff()) {
            return List.of();
        }
        List<Group> mine = new ArrayList<>();
        for (UUID id : grants.groupsOf(caller.accountId())) {
            if (!authorization.allows(Action.VIEW_GROUP, id)) {
                continue; // e.g. called from outside the group's allow-list: not even its name
            }
            try {
                mine.add(groups.get(id));
            } catch (NoSuchNodeException e) {
                // a group being deleted is not listed
            }
        }
        mine.sort(Comparator.comparing((Group g) -> g.name().toLowerCase(Locale.ROOT))
                .thenComparing(Group::id));
        return List.copyOf(mine);
    }

    /** The group asked for if it is one of theirs, else the session's, else their first. */
    public Optional<Group> choose(List<Group> mine, @Nullable UUID asked, HttpSession session) {
        UUID wanted = asked != null ? asked : remembered(session);
        Optional<Group> chosen = mine.stream()
                .filter(g -> g.id().equals(wanted))
                .findFirst()
                .or(() -> mine.stream().findFirst());
        chosen.ifPresent(g -> session.setAttribute(SESSION_ATTRIBUTE, g.id().toString()));
        return chosen;
    }

    /** The group chosen last in this session, if any (not checked: for links, not for decisions). */
    @Nullable
    public static UUID remembered(@Nullable HttpSession session) {
        Object id = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        try {
            return id == null ? null : UUID.fromString(id.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
