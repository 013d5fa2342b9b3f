package io.selvedge.api;

import io.selvedge.access.CustomerGroups;
import io.selvedge.access.CustomerGroups.StartedGroup;
import io.selvedge.access.Invitations.FirstAdminInvitation;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import io.selvedge.tenancy.Group;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/groups}: a platform admin creates a customer's group (holding no role in it)
 * and invites its first group admin; the answer carries the invitation link, once, as the page does. The
 * first-run path of a new installation, whose first admin is platform staff (who may not use
 * {@code POST /api/v1/groups}).
 */
@RestController
@RequiredArgsConstructor
class CustomerGroupsApi {

    private final CustomerGroups customerGroups;

    @PostMapping("/api/v1/admin/groups")
    @AnyCaller("platform admins only (admin scope), checked by the use case before anything is read or created")
    ResponseEntity<CustomerGroup> create(@Valid @RequestBody NewCustomerGroup request) {
        StartedGroup started;
        try {
            started = customerGroups.start(request.name(), request.region(), request.adminEmail());
        } catch (IllegalArgumentException e) { // an address that cannot be
            throw new Refusal.Unprocessable(e.getMessage());
        }
        Group group = started.group();
        FirstAdminInvitation invited = started.invited();
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id()))
                .cacheControl(CacheControl.noStore())
                .body(new CustomerGroup(
                        group.id(),
                        group.name(),
                        group.region(),
                        invited.invitation().id(),
                        invited.link()));
    }

    record NewCustomerGroup(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 32) String region,
            @NotBlank @Size(max = 254) String adminEmail) {}

    /** The new group and its first admin's invitation; the link is shown this once. */
    record CustomerGroup(UUID id, String name, String region, UUID invitationId, String invitationLink) {

        @Override
        public String toString() {
            return "CustomerGroup[id=" + id + "]";
        }
    }
}
