package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.DirectGrants;
import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.Level;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.Requires;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.ApiTokens;
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.Refusal;
import io.selvedge.tenancy.InvalidPageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who holds which role where: {@code GET /groups/{id}/members} (every grant and share of the group, by
 * node id: an operator sees who, never the tree's names), {@code PUT} (202 and an invitation instead, for an
 * account neither in the group nor managed by it: it joins by consent) and {@code DELETE
 * /nodes/{nodeId}/members/{userId}}, and {@code GET /nodes/{nodeId}/people}, everyone who can see a node
 * and through which grant.
 */
@RestController
@RequiredArgsConstructor
class MembersApi {

    private static final String LIMIT = "50";

    static final String INVITED = "If the account exists and is not yet in this group, it was invited:"
            + " it holds the role once it accepts.";

    private final Grants grants;
    private final DirectGrants directGrants;
    private final Authorization authorization;
    private final ApiTokens accounts;

    /**
     * The grants and shares of the group that the caller may see: all of them for group admins and
     * operators; for a company's or a brand's admins and collaborators, those on their node and below (the
     * member lists of the permission table); nothing for editors and viewers.
     */
    @GetMapping("/api/v1/groups/{groupId}/members")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    Listing<Member> members(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        List<Grant> all = grants.grantsIn(groupId);
        Map<UUID, Level> levels = new HashMap<>();
        Function<UUID, String> names = usernames();
        List<Member> members = new ArrayList<>();
        for (Grant grant : all) {
            Level level = levels.computeIfAbsent(grant.nodeId(), this::levelOf);
            if (authorization.allows(seeMembersOn(level), grant.nodeId())) {
                members.add(Member.of(grant, level, names.apply(grant.accountId())));
            }
        }
        return page(members, m -> m.nodeId() + ":" + m.userId(), limit, cursor);
    }

    @PutMapping("/api/v1/nodes/{nodeId}/members/{userId}")
    @Requires(
            value = {Action.INVITE_TO_GROUP, Action.INVITE_TO_COMPANY, Action.INVITE_TO_BRAND, Action.SHARE},
            target = "nodeId")
    ResponseEntity<?> grant(@PathVariable UUID nodeId, @PathVariable UUID userId, @RequestBody RoleRequest request) {
        if (request.role() == null) {
            throw new Refusal.Invalid("Give the role.");
        }
        DirectGrants.Outcome outcome =
                directGrants.grant(nodeId, userId, request.role(), request.downloads(), request.uploads());
        if (outcome.invited()) {
            // The same answer whether the account exists or not: it joins by accepting, if it does.
            return Invited.answer();
        }
        return ResponseEntity.ok(
                Member.of(outcome.grant(), levelOf(nodeId), usernames().apply(userId)));
    }

    @DeleteMapping("/api/v1/nodes/{nodeId}/members/{userId}")
    @Requires(
            value = {Action.INVITE_TO_GROUP, Action.INVITE_TO_COMPANY, Action.INVITE_TO_BRAND, Action.SHARE},
            target = "nodeId")
    ResponseEntity<Void> revoke(@PathVariable UUID nodeId, @PathVariable UUID userId) {
        if (!grants.revoke(nodeId, userId)) {
            throw new Refusal.NotFound("That account holds no role on this node.");
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Everyone who can see the node, and why: each grant on the node or above it whose role lets its
     * holder view the node (or, for the group itself, every member).
     */
    @GetMapping("/api/v1/nodes/{nodeId}/people")
    @Requires(
            value = {Action.SEE_GROUP_MEMBERS, Action.SEE_COMPANY_MEMBERS, Action.SEE_BRAND_MEMBERS},
            target = "nodeId")
    Listing<Person> people(
            @PathVariable UUID nodeId,
            @RequestParam(defaultValue = LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ResourcePath path = authorization.locate(nodeId).orElseThrow();
        Map<UUID, Level> onPath = new HashMap<>();
        path.steps().forEach(step -> onPath.put(step.id(), step.level()));
        Level level = path.level();
        Action sees = level == Level.GROUP ? Action.VIEW_GROUP : Action.VIEW;
        Function<UUID, String> names = usernames();
        List<Person> people = new ArrayList<>();
        for (Grant grant : grants.grantsIn(path.groupId())) {
            Level via = onPath.get(grant.nodeId());
            boolean member = level == Level.GROUP;
            if ((via != null || member)
                    && PermissionTable.permits(grant.role(), sees, grant.allowDownload(), grant.allowUpload())) {
                Level grantLevel = via != null ? via : levelOf(grant.nodeId());
                people.add(new Person(
                        grant.accountId(),
                        names.apply(grant.accountId()),
                        grant.role(),
                        grant.nodeId(),
                        grantLevel.name(),
                        grant.role().byShare()));
            }
        }
        return page(people, p -> p.viaNodeId() + ":" + p.userId(), limit, cursor);
    }

    /** Who may see a grant on a node of this level; a style's shares, those who may share it. */
    private static Action seeMembersOn(Level level) {
        return switch (level) {
            case GROUP -> Action.SEE_GROUP_MEMBERS;
            case COMPANY -> Action.SEE_COMPANY_MEMBERS;
            case BRAND, SEASON, WORKROOM -> Action.SEE_BRAND_MEMBERS;
            case STYLE -> Action.SHARE;
        };
    }

    private Level levelOf(UUID nodeId) {
        return authorization.locate(nodeId).map(ResourcePath::level).orElse(Level.GROUP);
    }

    /** Usernames looked up once each per request; an account that is gone shows as null. */
    private Function<UUID, String> usernames() {
        Map<UUID, String> known = new HashMap<>();
        return id -> known.computeIfAbsent(
                id,
                account ->
                        accounts.account(account).map(AccountSummary::username).orElse(null));
    }

    private static <T> Listing<T> page(List<T> all, Function<T, String> key, int limit, @Nullable String cursor) {
        if (limit < 1 || limit > 200) {
            throw new InvalidPageException("The limit is 1 to 200.");
        }
        int from = 0;
        if (cursor != null) {
            String after = PageCursor.key(cursor);
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (key.apply(all.get(i)).equals(after)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw new InvalidPageException("The cursor is no longer valid.");
            }
        }
        List<T> items = all.subList(from, Math.min(all.size(), from + limit));
        String next = from + limit < all.size() ? PageCursor.of(key.apply(items.get(items.size() - 1))) : null;
        return new Listing<>(List.copyOf(items), next);
    }

    /** A grant that waits for the account's consent (or an id nobody has: the answer is the same). */
    record Invited(String status, String detail) {

        /** 202: the grant waits for the account's consent, if there is such an account. */
        static ResponseEntity<Invited> answer() {
            return ResponseEntity.accepted().body(new Invited("INVITED", INVITED));
        }
    }

    record RoleRequest(
            @Nullable Role role,
            @Nullable Boolean allowDownload,
            @Nullable Boolean allowUpload) implements FileRightsRequest {}

    /** A grant or share: who, which role, on which node (by id and level: never the node's name). */
    record Member(
            UUID userId,
            @Nullable String username,
            Role role,
            UUID nodeId,
            String level,
            boolean share,
            boolean allowDownload,
            boolean allowUpload,
            @Nullable UUID grantedBy,
            Instant grantedAt) {
        static Member of(Grant grant, Level level, @Nullable String username) {
            return new Member(
                    grant.accountId(),
                    username,
                    grant.role(),
                    grant.nodeId(),
                    level.name(),
                    grant.role().byShare(),
                    grant.allowDownload(),
                    grant.allowUpload(),
                    grant.grantedBy(),
                    grant.grantedAt());
        }
    }

    /** Someone who can see a node, through the grant on {@code viaNodeId} (the node or an ancestor). */
    record Person(UUID userId, @Nullable String username, Role role, UUID viaNodeId, String viaLevel, boolean share) {}

    /** The cursor is always written, as null on the last page. */
    record Listing<T>(
            List<T> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
