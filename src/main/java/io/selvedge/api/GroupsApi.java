package io.selvedge.api;

import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/groups} and {@code GET /api/v1/groups/{id}}. Permission: any authenticated
 * caller, until the permission table arrives; the creator is recorded and announced by
 * {@code GroupCreated}, through which the access module will make it the group's admin.
 */
@RestController
class GroupsApi {

    private final Groups groups;

    GroupsApi(Groups groups) {
        this.groups = groups;
    }

    @PostMapping("/api/v1/groups")
    ResponseEntity<GroupResponse> create(@Valid @RequestBody NewGroup request, Authentication caller) {
        Group group = groups.create(request.name(), request.region(), caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id()))
                .body(GroupResponse.of(group));
    }

    @GetMapping("/api/v1/groups/{groupId}")
    GroupResponse get(@PathVariable UUID groupId) {
        return GroupResponse.of(groups.get(groupId));
    }

    record NewGroup(String name, @NotBlank @Size(max = 32) String region) {}

    record GroupResponse(UUID id, String name, String region) {
        static GroupResponse of(Group group) {
            return new GroupResponse(group.id(), group.name(), group.region());
        }
    }
}
