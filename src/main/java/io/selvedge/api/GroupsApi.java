package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.AccountsProperties;
import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Authorization;
import io.selvedge.access.Grants;
import io.selvedge.access.Requires;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.PageCursor;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.NoSuchNodeException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/groups} (any customer where the installation allows self-service,
 * {@code SELVEDGE_GROUP_CREATION}; the creator becomes the group's admin through {@code GroupCreated}), {@code GET /api/v1/groups} (the groups the caller belongs to) and
 * {@code GET /api/v1/groups/{id}} (members only).
 */
@RestController
class GroupsApi {

    private static final Comparator<Group> ORDER = Comparator.comparing(
                    (Group g) -> g.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(Group::id);

    private final Groups groups;
    private final Grants grants;
    private final Callers callers;
    private final Authorization authorization;
    private final AccountsProperties.GroupCreation creation;

    GroupsApi(Groups groups, Grants grants, Callers callers, Authorization authorization, AccountsProperties accounts) {
        this.groups = groups;
        this.grants = grants;
        this.callers = callers;
        this.authorization = authorization;
        this.creation = accounts.groupCreation();
    }

    @PostMapping("/api/v1/groups")
    @AnyCaller("with self-service group creation, any customer account creates a group and becomes its admin;"
            + " otherwise (the default) nobody here: platform admins create groups in the staff console")
    ResponseEntity<GroupResponse> create(@Valid @RequestBody NewGroup request) {
        Caller caller = callers.current().orElseThrow(ActionDeniedException::new);
        if (caller.staff()) {
            throw new ActionDeniedException("Platform staff hold no role in customer groups, so cannot create one:"
                    + " create it for the customer (POST /api/v1/admin/groups).");
        }
        if (creation != AccountsProperties.GroupCreation.SELF_SERVICE) {
            throw new ActionDeniedException("On this installation, platform admins create groups: ask yours.");
        }
        Group group = groups.create(request.name(), request.region(), caller.accountId());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + group.id()))
                .body(GroupResponse.of(group));
    }

    @GetMapping("/api/v1/groups")
    @AnyCaller("lists only the groups the caller may see: a grant there, and the group's allow-list")
    GroupPage list(
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) @Nullable String cursor) {
        if (limit < 1 || limit > 200) {
            throw new InvalidPageException("The limit is 1 to 200.");
        }
        Caller caller = callers.current().orElseThrow(ActionDeniedException::new);
        List<Group> mine = new ArrayList<>();
        if (!caller.staff()) {
            for (UUID id : grants.groupsOf(caller.accountId())) {
                if (!authorization.allows(Action.VIEW_GROUP, id)) {
                    continue; // e.g. called from outside the group's allow-list: not even its name
                }
                try {
                    mine.add(groups.get(id));
                } catch (NoSuchNodeException e) {
                    // a group whose row is gone (being deleted) is not listed
                }
            }
        }
        mine.sort(ORDER);
        int from = 0;
        if (cursor != null) {
            UUID after = PageCursor.id(cursor);
            from = -1;
            for (int i = 0; i < mine.size(); i++) {
                if (mine.get(i).id().equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new InvalidPageException("The cursor is no longer valid.");
            }
        }
        List<Group> page = mine.subList(from, Math.min(mine.size(), from + limit));
        String next = from + limit < mine.size()
                ? PageCursor.of(page.get(page.size() - 1).id())
                : null;
        return new GroupPage(page.stream().map(GroupResponse::of).toList(), next);
    }

    @GetMapping("/api/v1/groups/{groupId}")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    GroupResponse get(@PathVariable UUID groupId) {
        return GroupResponse.of(groups.get(groupId));
    }

    record NewGroup(String name, @NotBlank @Size(max = 32) String region) {}

    record GroupResponse(UUID id, String name, String region) {
        static GroupResponse of(Group group) {
            return new GroupResponse(group.id(), group.name(), group.region());
        }
    }

    /** The cursor is always written, as null on the last page. */
    record GroupPage(
            List<GroupResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
