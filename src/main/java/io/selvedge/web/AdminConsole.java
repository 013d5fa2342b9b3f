package io.selvedge.web;

import java.util.UUID;
import org.springframework.ui.Model;

/**
 * The frame of a group's admin console (the group, the side menu of the sections the caller may see,
 * breadcrumbs, the time format) for a section whose page another module renders inside
 * {@code admin/frame :: console}: that module names its section by its path; the console lists it.
 */
public interface AdminConsole {

    /**
     * Puts the frame of the section's page in the model.
     *
     * @param section the section's path, e.g. {@code alerts}
     * @throws IllegalArgumentException for a section the console does not list
     */
    void frame(Model model, UUID groupId, String section);
}
