package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.DirectGrants;
import io.selvedge.access.Grant;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.Grants;
import io.selvedge.access.MemberMfaResets;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.tenancy.Group;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The group's members and their roles on each node (member roles on the group, its companies and brands;
 * shares on workrooms and styles), with grant, change, revoke and MFA reset for group admins. The grant rules
 * (nobody grants above their own role, the last admin stays) are the access module's.
 */
@Controller
@RequiredArgsConstructor
class MembersController {

    static final List<Role> MEMBER_ROLES = List.of(
            Role.GROUP_ADMIN,
            Role.GROUP_OPERATOR,
            Role.COMPANY_ADMIN,
            Role.COMPANY_COLLABORATOR,
            Role.BRAND_ADMIN,
            Role.BRAND_COLLABORATOR);

    private final AdminPage page;
    private final NodeNames nodes;
    private final Grants grants;
    private final DirectGrants directGrants;
    private final AccountDirectory directory;
    private final MemberMfaResets mfaResets;

    @GetMapping("/admin/groups/{groupId}")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    String console(@PathVariable UUID groupId) {
        return "redirect:/admin/groups/" + groupId + "/members";
    }

    @GetMapping("/admin/groups/{groupId}/members")
    @Requires(value = Action.SEE_GROUP_MEMBERS, target = "groupId")
    String members(@PathVariable UUID groupId, Model model) {
        Group group = page.frame(model, groupId, Section.MEMBERS);
        Map<UUID, List<Grant>> byAccount = new LinkedHashMap<>();
        for (Grant grant : grants.grantsIn(groupId)) {
            byAccount
                    .computeIfAbsent(grant.accountId(), id -> new ArrayList<>())
                    .add(grant);
        }
        Map<UUID, AccountSummary> accounts = directory.accountSummaries(byAccount.keySet());
        List<MemberRow> rows = new ArrayList<>();
        byAccount.forEach((accountId, held) -> {
            AccountSummary account = accounts.get(accountId);
            rows.add(new MemberRow(
                    accountId,
                    account == null ? accountId.toString() : account.username(),
                    account != null && account.mfaEnrolled(),
                    held.stream()
                            .map(grant -> new RoleRow(grant, nodes.of(group, grant.nodeId())))
                            .toList()));
        });
        rows.sort(Comparator.comparing(MemberRow::username));
        boolean manages = page.allows(Action.INVITE_TO_GROUP, groupId);
        model.addAttribute("members", rows);
        model.addAttribute("manages", manages);
        model.addAttribute("resetsMfa", page.allows(Action.CHANGE_SECURITY_POLICY, groupId));
        model.addAttribute("roles", MEMBER_ROLES);
        model.addAttribute("nodes", manages ? nodes.memberNodes(group) : List.of());
        return "admin/members";
    }

    @PostMapping("/admin/groups/{groupId}/members")
    @Requires(value = Action.INVITE_TO_GROUP, target = "groupId")
    String grant(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String username,
            @RequestParam UUID nodeId,
            @RequestParam Role role,
            RedirectAttributes flash) {
        if (username.isBlank()) {
            flash.addFlashAttribute("problem", page.text("admin.members.noUsername"));
            return back(groupId);
        }
        requireInGroup(groupId, nodeId);
        // An account outside the group joins only by accepting an invitation (issue 15); nobody with the username
        // is answered the same way, after the same checks of the caller's right (an id nobody has), so the answer
        // never tells whether the account exists.
        UUID accountId = directory
                .accountWithUsername(username.strip())
                .map(AccountSummary::id)
                .orElseGet(UUID::randomUUID);
        try {
            DirectGrants.Outcome outcome = directGrants.grant(nodeId, accountId, role, false, false);
            flash.addFlashAttribute(
                    "notice", page.text(outcome.invited() ? "admin.members.invited" : "admin.members.granted"));
        } catch (GrantRefusedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return back(groupId);
    }

    @PostMapping("/admin/groups/{groupId}/members/{userId}/nodes/{nodeId}/role")
    @Requires(value = Action.INVITE_TO_GROUP, target = "groupId")
    String changeRole(
            @PathVariable UUID groupId,
            @PathVariable UUID userId,
            @PathVariable UUID nodeId,
            @RequestParam Role role,
            RedirectAttributes flash) {
        return change(groupId, userId, nodeId, role, flash);
    }

    @PostMapping("/admin/groups/{groupId}/members/{userId}/nodes/{nodeId}/revoke")
    @Requires(value = Action.INVITE_TO_GROUP, target = "groupId")
    String revoke(
            @PathVariable UUID groupId,
            @PathVariable UUID userId,
            @PathVariable UUID nodeId,
            RedirectAttributes flash) {
        requireInGroup(groupId, nodeId);
        try {
            boolean held = grants.revoke(nodeId, userId);
            flash.addFlashAttribute(
                    held ? "notice" : "problem", page.text(held ? "admin.members.revoked" : "admin.members.noRole"));
        } catch (GrantRefusedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return back(groupId);
    }

    @PostMapping("/admin/groups/{groupId}/members/{userId}/mfa-reset")
    @Requires(value = Action.MANAGE_ACCOUNTS, target = "groupId")
    String resetMfa(@PathVariable UUID groupId, @PathVariable UUID userId, RedirectAttributes flash) {
        try {
            mfaResets.reset(groupId, userId);
            flash.addFlashAttribute("notice", page.text("admin.members.mfaReset"));
        } catch (MemberMfaResets.NotManagedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return back(groupId);
    }

    private String change(UUID groupId, UUID accountId, UUID nodeId, Role role, RedirectAttributes flash) {
        requireInGroup(groupId, nodeId);
        try {
            grants.grant(nodeId, accountId, role, false, false);
            flash.addFlashAttribute("notice", page.text("admin.members.granted"));
        } catch (GrantRefusedException e) {
            flash.addFlashAttribute("problem", e.getBody().getDetail());
        }
        return back(groupId);
    }

    /** A node of another group is not found here, whatever the caller may do there. */
    private void requireInGroup(UUID groupId, UUID nodeId) {
        if (!nodes.inGroup(groupId, nodeId)) {
            throw new NotVisibleException();
        }
    }

    private static String back(UUID groupId) {
        return "redirect:/admin/groups/" + groupId + "/members";
    }

    /** A member and every role they hold in the group. */
    record MemberRow(UUID id, String username, boolean mfaEnrolled, List<RoleRow> roles) {}

    /** One grant or share, with the node it is on. */
    record RoleRow(Grant grant, NodeNames.NamedNode node) {}
}
