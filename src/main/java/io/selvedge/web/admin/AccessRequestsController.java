package io.selvedge.web.admin;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Platform staff's requests for access to the group (Customer Lockbox) in the admin console: who asks, for
 * what scope, why and for which ticket; the group's admins approve or deny a pending one and revoke an open
 * one. The same rules as the API ({@code DECIDE_ACCESS_REQUESTS}).
 */
@Controller
@RequiredArgsConstructor
class AccessRequestsController {

    private final AdminPage page;
    private final AccessRequests requests;
    private final AccountDirectory accounts;
    private final Clock clock;

    @GetMapping("/admin/groups/{groupId}/access-requests")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    String show(@PathVariable UUID groupId, Model model) {
        page.frame(model, groupId, Section.ACCESS_REQUESTS);
        Instant now = clock.instant();
        List<AccessRequest> all = requests.ofGroup(groupId);
        Map<UUID, AccountSummary> names = accounts.accountSummaries(
                all.stream().map(AccessRequest::requesterId).distinct().toList());
        model.addAttribute(
                "requests",
                all.stream()
                        .map(request -> new Row(
                                request,
                                names.containsKey(request.requesterId())
                                        ? names.get(request.requesterId()).username()
                                        : request.requesterId().toString(),
                                request.shownStatus(now)))
                        .toList());
        return "admin/access-requests";
    }

    @PostMapping("/admin/groups/{groupId}/access-requests/{requestId}/approve")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    String approve(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        requests.approve(groupId, requestId);
        return "redirect:/admin/groups/" + groupId + "/access-requests?approved";
    }

    @PostMapping("/admin/groups/{groupId}/access-requests/{requestId}/deny")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    String deny(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        requests.deny(groupId, requestId);
        return "redirect:/admin/groups/" + groupId + "/access-requests?denied";
    }

    @PostMapping("/admin/groups/{groupId}/access-requests/{requestId}/revoke")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    String revoke(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        requests.revoke(groupId, requestId);
        return "redirect:/admin/groups/" + groupId + "/access-requests?revoked";
    }

    /** A request as the page lists it: who asked (their username), and its status now. */
    record Row(AccessRequest request, String requester, String status) {}
}
