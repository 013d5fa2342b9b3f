package io.selvedge.api;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequestRefusedException;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.platform.AnyCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff access requests (Customer Lockbox). Support and security staff ask: {@code POST
 * /api/v1/groups/{groupId}/access-requests {scope, nodeId, reason, ticket, durationMinutes}} → 201, and list
 * their own at {@code GET /api/v1/me/access-requests}. The group's admins, and nobody else, list them and
 * {@code approve}, {@code deny} or {@code revoke} one. On both trails.
 */
@RestController
@RequiredArgsConstructor
class AccessRequestsApi {

    static final String BASE = "/api/v1/groups/{groupId}/access-requests";

    private final AccessRequests requests;
    private final Clock clock;

    @PostMapping(BASE)
    @AnyCaller("platform staff whose role allows REQUEST_GROUP_ACCESS, checked by the service")
    ResponseEntity<AccessRequestView> request(@PathVariable UUID groupId, @Valid @RequestBody NewAccessRequest body) {
        AccessScope scope = scope(body.scope());
        UUID node = body.nodeId() == null ? groupId : body.nodeId();
        AccessRequest made = requests.request(
                groupId, scope, node, body.reason(), body.ticket(), Duration.ofMinutes(body.durationMinutes()));
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/access-requests/" + made.id()))
                .body(AccessRequestView.of(made, clock.instant()));
    }

    @GetMapping(BASE)
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    ResponseEntity<ListPages.Slice<AccessRequestView>> list(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Instant now = clock.instant();
        List<AccessRequestView> all = requests.ofGroup(groupId).stream()
                .map(request -> AccessRequestView.of(request, now))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(ListPages.page(all, view -> view.id().toString(), limit, cursor));
    }

    @GetMapping(BASE + "/{requestId}")
    @AnyCaller("the group's admins, or the staff member who made the request, checked by the service")
    AccessRequestView get(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        return AccessRequestView.of(requests.get(groupId, requestId), clock.instant());
    }

    @PostMapping(BASE + "/{requestId}/approve")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    AccessRequestView approve(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        return AccessRequestView.of(requests.approve(groupId, requestId), clock.instant());
    }

    @PostMapping(BASE + "/{requestId}/deny")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    AccessRequestView deny(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        return AccessRequestView.of(requests.deny(groupId, requestId), clock.instant());
    }

    @PostMapping(BASE + "/{requestId}/revoke")
    @Requires(value = Action.DECIDE_ACCESS_REQUESTS, target = "groupId")
    AccessRequestView revoke(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        return AccessRequestView.of(requests.revoke(groupId, requestId), clock.instant());
    }

    @GetMapping("/api/v1/me/access-requests")
    @AnyCaller("platform staff, their own requests, checked by the service")
    ResponseEntity<ListPages.Slice<AccessRequestView>> mine(
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Instant now = clock.instant();
        List<AccessRequestView> all = requests.mine().stream()
                .map(request -> AccessRequestView.of(request, now))
                .toList();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(ListPages.page(all, view -> view.id().toString(), limit, cursor));
    }

    private static AccessScope scope(String name) {
        for (AccessScope scope : AccessScope.values()) {
            if (scope.name().equals(name)) {
                return scope;
            }
        }
        throw AccessRequestRefusedException.invalid(
                "The scope is ADMIN_CONSOLE_READ_ONLY, CONTENT_READ_ONLY or SUPPORT_ACTIONS.");
    }

    /**
     * A new request: {@code nodeId} is the node of a content or support scope (the group when absent),
     * {@code durationMinutes} 5 to 480.
     */
    record NewAccessRequest(
            @NotNull @Size(max = 32) String scope,
            @Nullable UUID nodeId,
            @NotNull @Size(max = 2000) String reason,
            @NotNull @Size(max = 200) String ticket,
            @Min(5) @Max(480) int durationMinutes) {}

    /**
     * A request as it stands; {@code status} is PENDING, APPROVED, EXPIRED, DENIED or REVOKED; {@code kind}
     * REQUEST or BREAK_GLASS (with its {@code followUp} note once written).
     */
    record AccessRequestView(
            UUID id,
            UUID groupId,
            UUID requesterId,
            String scope,
            UUID nodeId,
            String reason,
            String ticket,
            long durationMinutes,
            String status,
            Instant requestedAt,
            @Nullable UUID decidedBy,
            @Nullable Instant decidedAt,
            @Nullable Instant expiresAt,
            @Nullable UUID revokedBy,
            @Nullable Instant revokedAt,
            String kind,
            @Nullable String followUp) {

        static AccessRequestView of(AccessRequest request, Instant now) {
            return new AccessRequestView(
                    request.id(),
                    request.groupId(),
                    request.requesterId(),
                    request.scope().name(),
                    request.nodeId(),
                    request.reason(),
                    request.ticket(),
                    request.duration().toMinutes(),
                    request.shownStatus(now),
                    request.requestedAt(),
                    request.decidedBy(),
                    request.decidedAt(),
                    request.expiresAt(),
                    request.revokedBy(),
                    request.revokedAt(),
                    request.kind().name(),
                    request.followUp());
        }
    }
}
