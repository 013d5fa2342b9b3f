package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Invitations;
import io.selvedge.access.Invitations.Invitation;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.tenancy.Group;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The group's pending invitations; group admins send, resend and revoke them (the access module checks). */
@Controller
@RequiredArgsConstructor
class InvitationsController {

    private final AdminPage page;
    private final NodeNames nodes;
    private final Invitations invitations;

    @GetMapping("/admin/groups/{groupId}/invitations")
    @Requires(value = Action.SEE_GROUP_MEMBERS, target = "groupId")
    String list(@PathVariable UUID groupId, Model model) {
        Group group = page.frame(model, groupId, Section.INVITATIONS);
        boolean manages = page.allows(Action.INVITE_TO_GROUP, groupId);
        model.addAttribute(
                "invitations",
                invitations.invitationsOf(groupId).stream()
                        .filter(invitation -> invitation.status() == Invitations.Status.PENDING)
                        .map(invitation -> new InvitationRow(invitation, nodes.of(group, invitation.nodeId())))
                        .toList());
        model.addAttribute("manages", manages);
        model.addAttribute("roles", MembersController.MEMBER_ROLES);
        model.addAttribute("nodes", manages ? nodes.memberNodes(group) : List.of());
        return "admin/invitations";
    }

    @PostMapping("/admin/groups/{groupId}/invitations")
    @Requires(value = Action.INVITE_TO_GROUP, target = "groupId")
    String send(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String email,
            @RequestParam UUID nodeId,
            @RequestParam Role role,
            RedirectAttributes flash) {
        if (!nodes.inGroup(groupId, nodeId)) {
            throw new NotVisibleException();
        }
        String address = email.strip();
        if (address.isEmpty() || address.length() > 320) {
            flash.addFlashAttribute("problem", page.text("admin.invitations.badEmail"));
            return back(groupId);
        }
        try {
            invitations.invite(groupId, address, role, nodeId);
            flash.addFlashAttribute("notice", page.text("admin.invitations.sent"));
        } catch (GrantRefusedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", page.text("admin.invitations.badEmail"));
        }
        return back(groupId);
    }

    @PostMapping("/admin/groups/{groupId}/invitations/{invitationId}/resend")
    @Requires(value = Action.INVITE_TO_GROUP, target = "groupId")
    String resend(@PathVariable UUID groupId, @PathVariable UUID invitationId, RedirectAttributes flash) {
        try {
            invitations.resend(groupId, invitationId);
            flash.addFlashAttribute("notice", page.text("admin.invitations.resent"));
        } catch (GrantRefusedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return back(groupId);
    }

    @PostMapping("/admin/groups/{groupId}/invitations/{invitationId}/revoke")
    @Requires(value = Action.INVITE_TO_GROUP, target = "groupId")
    String revoke(@PathVariable UUID groupId, @PathVariable UUID invitationId, RedirectAttributes flash) {
        try {
            invitations.revoke(groupId, invitationId);
            flash.addFlashAttribute("notice", page.text("admin.invitations.revoked"));
        } catch (GrantRefusedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return back(groupId);
    }

    private static String back(UUID groupId) {
        return "redirect:/admin/groups/" + groupId + "/invitations";
    }

    /** A pending invitation with the node it grants a role on. */
    record InvitationRow(Invitation invitation, NodeNames.NamedNode node) {}
}
