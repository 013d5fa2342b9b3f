package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Stage;
import io.selvedge.content.StageDraft;
import io.selvedge.content.Stages;
import io.selvedge.identity.Callers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The group's workflow stages in the admin console: each stage's name, colour and the roles that may move a
 * style into it, their order (up, down), adding and removing. Every form sends the whole list to
 * {@link Stages#define} (the API's {@code PUT .../stages}), so the same checks hold; a refusal is the console's
 * error page ({@link AdminErrors}).
 */
@Controller
@RequiredArgsConstructor
class StagesController {

    private final AdminPage page;
    private final Stages stages;
    private final Callers callers;

    @GetMapping("/admin/groups/{groupId}/stages")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    String show(@PathVariable UUID groupId, Model model) {
        page.frame(model, groupId, Section.STAGES);
        model.addAttribute("stages", stages.of(groupId));
        model.addAttribute(
                "roles",
                PermissionTable.rolesFor(Action.MOVE_TO_STAGE).stream().sorted().toList());
        return "admin/stages";
    }

    @PostMapping("/admin/groups/{groupId}/stages")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    String add(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String colour,
            @RequestParam(required = false) @Nullable List<Role> roles) {
        return change(groupId, list -> {
            list.add(new StageDraft(null, name, colour, roles == null ? List.of() : roles));
            return list;
        });
    }

    @PostMapping("/admin/groups/{groupId}/stages/{stageId}")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    String save(
            @PathVariable UUID groupId,
            @PathVariable String stageId,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String colour,
            @RequestParam(required = false) @Nullable List<Role> roles) {
        return change(groupId, list -> {
            list.set(indexOf(list, stageId), new StageDraft(stageId, name, colour, roles == null ? List.of() : roles));
            return list;
        });
    }

    @PostMapping("/admin/groups/{groupId}/stages/{stageId}/up")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    String up(@PathVariable UUID groupId, @PathVariable String stageId) {
        return change(groupId, list -> {
            int at = indexOf(list, stageId);
            if (at > 0) {
                Collections.swap(list, at, at - 1);
            }
            return list;
        });
    }

    @PostMapping("/admin/groups/{groupId}/stages/{stageId}/down")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    String down(@PathVariable UUID groupId, @PathVariable String stageId) {
        return change(groupId, list -> {
            int at = indexOf(list, stageId);
            if (at < list.size() - 1) {
                Collections.swap(list, at, at + 1);
            }
            return list;
        });
    }

    @PostMapping("/admin/groups/{groupId}/stages/{stageId}/remove")
    @Requires(value = Action.MANAGE_STAGES, target = "groupId")
    String remove(@PathVariable UUID groupId, @PathVariable String stageId) {
        return change(groupId, list -> {
            list.remove(indexOf(list, stageId));
            return list;
        });
    }

    /** The current list as drafts, changed, defined as a whole; back to the page. */
    private String change(UUID groupId, UnaryOperator<List<StageDraft>> edit) {
        List<StageDraft> drafts = new ArrayList<>();
        for (Stage stage : stages.of(groupId)) {
            drafts.add(new StageDraft(stage.id(), stage.name(), stage.colour(), List.copyOf(stage.roles())));
        }
        stages.define(
                groupId, edit.apply(drafts), callers.current().orElseThrow().accountId());
        return "redirect:/admin/groups/" + groupId + "/stages?saved";
    }

    private static int indexOf(List<StageDraft> list, String stageId) {
        for (int i = 0; i < list.size(); i++) {
            if (stageId.equals(list.get(i).id())) {
                return i;
            }
        }
        throw new NoSuchContentException();
    }
}
