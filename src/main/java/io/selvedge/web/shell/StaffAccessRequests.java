package io.selvedge.web.shell;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.AccessScope;
import io.selvedge.access.StaffAction;
import io.selvedge.access.SupportMfaResets;
import io.selvedge.content.StuckUploads;
import io.selvedge.content.StuckUploads.StuckUpload;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page of access requests ({@code /platform/access-requests}): a support or security staff member's
 * own requests with their status, and a form to ask a group's admins for access to it (Customer Lockbox). As
 * the API ({@code /api/v1/groups/{id}/access-requests}); the group's admins decide in their admin console.
 */
@Controller
@RequiredArgsConstructor
class StaffAccessRequests {

    private final AccessRequests requests;
    private final Callers callers;
    private final Clock clock;
    private final SupportMfaResets mfaResets;
    private final StuckUploads stuckUploads;

    @GetMapping("/platform/access-requests")
    @AnyCaller("platform staff, their own requests; asking is for roles that allow REQUEST_GROUP_ACCESS")
    String page(Authentication authentication, HttpServletResponse response, Model model) {
        if (callers.of(authentication).filter(Caller::staff).isEmpty()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", "shell.access.notStaff");
            model.addAttribute("requests", List.of());
            model.addAttribute("mayRequest", false);
            return "access-requests";
        }
        Instant now = clock.instant();
        List<AccessRequest> mine = requests.mine();
        model.addAttribute(
                "requests",
                mine.stream()
                        .map(request -> new Row(request, request.shownStatus(now)))
                        .toList());
        // The support actions of each open SUPPORT_ACTIONS request: its group's stuck uploads in scope (listing
        // them is a use of the request, on both trails), and the form that resets a collaborator's MFA.
        model.addAttribute(
                "support",
                mine.stream()
                        .filter(request -> request.scope() == AccessScope.SUPPORT_ACTIONS && request.openAt(now))
                        .map(request -> new Support(request, stuckOf(request)))
                        .toList());
        model.addAttribute("mayRequest", StaffAction.REQUEST_GROUP_ACCESS.allowedTo(authentication));
        model.addAttribute("scopes", AccessScope.values());
        return "access-requests";
    }

    @PostMapping("/platform/access-requests")
    @AnyCaller("platform staff whose role allows REQUEST_GROUP_ACCESS, checked by the service")
    String request(
            @RequestParam(defaultValue = "") String groupId,
            @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String nodeId,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String ticket,
            @RequestParam(defaultValue = "60") String minutes,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        try {
            UUID group = UUID.fromString(groupId.strip());
            UUID node = nodeId.isBlank() ? group : UUID.fromString(nodeId.strip());
            requests.request(group, AccessScope.valueOf(scope), node, reason, ticket, FormMinutes.of(minutes, 5, 480));
        } catch (IllegalArgumentException | Refusal refused) { // NumberFormatException is an IAE
            String page = page(authentication, response, model);
            response.setStatus(
                    refused instanceof Refusal refusal ? refusal.status().value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "shell.access.invalid");
            return page;
        }
        shown.addFlashAttribute("notice", "shell.access.requested");
        return "redirect:/platform/access-requests";
    }

    @PostMapping("/platform/support/{groupId}/mfa-resets")
    @AnyCaller("platform staff holding an open approved SUPPORT_ACTIONS request in the group, checked by the service")
    String resetMfa(
            @PathVariable String groupId, @RequestParam(defaultValue = "") String accountId, RedirectAttributes shown) {
        return supportAction(
                shown,
                "shell.support.mfaReset",
                () -> mfaResets.reset(UUID.fromString(groupId.strip()), UUID.fromString(accountId.strip())));
    }

    @PostMapping("/platform/support/{groupId}/stuck-uploads/{uploadId}/abort")
    @AnyCaller("platform staff holding an open approved SUPPORT_ACTIONS request in the group, checked by the service")
    String abortUpload(@PathVariable String groupId, @PathVariable String uploadId, RedirectAttributes shown) {
        return supportAction(
                shown,
                "shell.support.aborted",
                () -> stuckUploads.abort(UUID.fromString(groupId.strip()), UUID.fromString(uploadId.strip())));
    }

    private List<StuckUpload> stuckOf(AccessRequest request) {
        try {
            return stuckUploads.list(request.groupId());
        } catch (Refusal refused) { // ended since (or an address outside the group's list): nothing to fix here
            return List.of();
        }
    }

    private static String supportAction(RedirectAttributes shown, String done, Runnable action) {
        try {
            action.run();
            shown.addFlashAttribute("notice", done);
        } catch (IllegalArgumentException | Refusal refused) {
            shown.addFlashAttribute(
                    "problem",
                    refused instanceof Refusal refusal && refusal.status().value() == HttpStatus.CONFLICT.value()
                            ? "shell.support.managed"
                            : "shell.support.refused");
        }
        return "redirect:/platform/access-requests";
    }

    /** An open support request, with the stuck uploads it may abort. */
    record Support(AccessRequest request, List<StuckUpload> stuckUploads) {}

    /** A request as the page lists it, with its status now. */
    record Row(AccessRequest request, String status) {}
}
