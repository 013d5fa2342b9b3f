package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.Groups;
import io.selvedge.web.AdminConsole;
import io.selvedge.web.Crumb;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page of the admin console shows around its section: the group, the side menu, breadcrumbs. */
@Component
@RequiredArgsConstructor
class AdminPage implements AdminConsole {

    private final Groups groups;
    private final Authorization authorization;
    private final MessageSource messages;

    /** Puts the frame of a section's page in the model; returns the group. */
    Group frame(Model model, UUID groupId, Section section) {
        Group group = groups.get(groupId);
        model.addAttribute("group", group);
        model.addAttribute("section", section.path());
        model.addAttribute(
                "sections",
                Arrays.stream(Section.values())
                        .filter(shown -> authorization.allows(shown.shownTo(), groupId))
                        .map(Section::path)
                        .toList());
        model.addAttribute("crumbs", crumbs(group, section));
        model.addAttribute("times", UtcTimes.INSTANCE);
        return group;
    }

    @Override
    public void frame(Model model, UUID groupId, String section) {
        frame(
                model,
                groupId,
                Arrays.stream(Section.values())
                        .filter(listed -> listed.path().equals(section))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("No such section: " + section)));
    }

    boolean allows(Action action, UUID targetId) {
        return authorization.allows(action, targetId);
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    // Until the shell's Breadcrumbs helper is on main: home, the group's console, the section.
    private List<Crumb> crumbs(Group group, Section section) {
        String base = "/admin/groups/" + group.id();
        return List.of(
                new Crumb(text("layout.home"), "/"),
                new Crumb(text("admin.crumb.console", group.name()), base + "/members"),
                new Crumb(text("admin.section." + section.path()), base + "/" + section.path()));
    }
}
