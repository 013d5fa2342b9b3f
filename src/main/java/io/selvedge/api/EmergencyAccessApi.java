package io.selvedge.api;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.EmergencyAccess;
import io.selvedge.platform.AnyCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Break-glass, for platform admins: {@code POST /api/v1/admin/groups/{groupId}/emergency-access {reason, ticket,
 * durationMinutes}} (at most 60) → 201; a second platform admin {@code POST .../{requestId}/approve} opens it;
 * {@code POST .../{requestId}/follow-up {note}} is required before either opens another. The group's admins
 * list and revoke it with their access requests.
 */
@RestController
@RequiredArgsConstructor
class EmergencyAccessApi {

    static final String BASE = "/api/v1/admin/groups/{groupId}/emergency-access";

    private final EmergencyAccess emergency;
    private final Clock clock;

    @PostMapping(BASE)
    @AnyCaller("platform admins, checked by the service")
    ResponseEntity<AccessRequestsApi.AccessRequestView> request(
            @PathVariable UUID groupId, @Valid @RequestBody NewEmergency body) {
        AccessRequest made =
                emergency.request(groupId, body.reason(), body.ticket(), Duration.ofMinutes(body.durationMinutes()));
        return ResponseEntity.created(URI.create("/api/v1/admin/groups/" + groupId + "/emergency-access/" + made.id()))
                .body(AccessRequestsApi.AccessRequestView.of(made, clock.instant()));
    }

    @PostMapping(BASE + "/{requestId}/approve")
    @AnyCaller("a second platform admin, not the requester, checked by the service")
    AccessRequestsApi.AccessRequestView approve(@PathVariable UUID groupId, @PathVariable UUID requestId) {
        return AccessRequestsApi.AccessRequestView.of(emergency.approve(groupId, requestId), clock.instant());
    }

    @PostMapping(BASE + "/{requestId}/follow-up")
    @AnyCaller("the platform admins who opened the break-glass, checked by the service")
    AccessRequestsApi.AccessRequestView followUp(
            @PathVariable UUID groupId, @PathVariable UUID requestId, @Valid @RequestBody FollowUp body) {
        return AccessRequestsApi.AccessRequestView.of(
                emergency.followUp(groupId, requestId, body.note()), clock.instant());
    }

    record NewEmergency(
            @NotNull @Size(max = 2000) String reason,
            @NotNull @Size(max = 200) String ticket,
            @Min(5) @Max(60) int durationMinutes) {}

    record FollowUp(@NotNull @Size(max = 4000) String note) {}
}
