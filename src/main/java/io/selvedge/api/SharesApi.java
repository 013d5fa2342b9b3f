package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.DirectGrants;
import io.selvedge.access.Grant;
import io.selvedge.access.Invitations;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.access.Shares;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST}, {@code GET /api/v1/workrooms/{id}/shares} and {@code /api/v1/styles/{id}/shares}, and
 * {@code DELETE .../shares/{userId}}: one workroom or one style shared with one person, under the same action
 * ({@code SHARE} on the node, editors and up) and rules; the checks of a grant (nothing stronger than the
 * caller's own) are {@link Shares}'.
 */
@RestController
@RequiredArgsConstructor
class SharesApi {

    private static final String WORKROOM_SHARES = "/api/v1/workrooms/{id}/shares";
    private static final String STYLE_SHARES = "/api/v1/styles/{id}/shares";

    private final Shares shares;
    private final DirectGrants directGrants;
    private final Invitations invitations;
    private final AccountDirectory accounts;

    /**
     * A share by id is made at once for an account the group holds or manages, and is otherwise an invitation
     * the account accepts or not (202, the answer of {@code PUT .../members}, the same for an id nobody has);
     * one with an e-mail address is always an invitation (202), and the answer is the same whether or not an
     * account has the address: it never names one.
     */
    @PostMapping({WORKROOM_SHARES, STYLE_SHARES})
    @Requires(value = Action.SHARE, target = "id")
    ResponseEntity<?> share(
            @PathVariable("id") UUID nodeId, @RequestBody ShareRequest request, HttpServletRequest http) {
        if (request.role() == null || !request.role().byShare()) {
            throw invalid("Give the role: EDITOR or VIEWER.");
        }
        if (request.userId() == null && request.email() != null) {
            EmailAddresses.problemWith(request.email()).ifPresent(reason -> {
                throw invalid(reason);
            });
            Invitations.Invitation invited = invitations.inviteToShare(
                    nodeId, request.email(), request.role(), request.downloads(), request.uploads());
            return ResponseEntity.accepted().body(ShareInvitation.of(invited));
        }
        UUID accountId = accountOf(request);
        DirectGrants.Outcome outcome =
                directGrants.share(nodeId, accountId, request.role(), request.downloads(), request.uploads());
        if (outcome.invited()) {
            return MembersApi.Invited.answer();
        }
        Grant grant = outcome.grant();
        // From the path this handler matched and the ids parsed from it, never the raw request line.
        String matched = (String) http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        URI location = UriComponentsBuilder.fromPath(matched)
                .path("/{userId}")
                .buildAndExpand(nodeId, accountId)
                .toUri();
        return ResponseEntity.created(location).body(ShareBody.of(grant, usernames(List.of(grant))));
    }

    @GetMapping({WORKROOM_SHARES, STYLE_SHARES})
    @Requires(value = Action.SHARE, target = "id")
    ShareList list(
            @PathVariable("id") UUID nodeId,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<Grant> page = ListPages.page(
                shares.sharesOn(nodeId), grant -> grant.accountId().toString(), limit, cursor);
        Map<UUID, AccountSummary> names = usernames(page.items());
        return new ShareList(
                page.items().stream().map(grant -> ShareBody.of(grant, names)).toList(), page.nextCursor());
    }

    @DeleteMapping({WORKROOM_SHARES + "/{userId}", STYLE_SHARES + "/{userId}"})
    @Requires(value = Action.SHARE, target = "id")
    ResponseEntity<Void> unshare(@PathVariable("id") UUID nodeId, @PathVariable UUID userId) {
        if (!shares.unshare(nodeId, userId)) {
            throw new Refusal.NotFound("This account has no share here.");
        }
        return ResponseEntity.noContent().build();
    }

    private UUID accountOf(ShareRequest request) {
        if (request.userId() != null && request.email() != null) {
            throw invalid("Give the userId or the email, not both.");
        }
        if (request.userId() == null) {
            throw invalid("Give the userId or the email of the account to share with.");
        }
        return request.userId();
    }

    private Map<UUID, AccountSummary> usernames(List<Grant> grants) {
        return accounts.accountSummaries(grants.stream().map(Grant::accountId).toList());
    }

    private static Refusal invalid(String detail) {
        return new Refusal.Unprocessable(detail);
    }

    record ShareRequest(
            @Nullable UUID userId,
            @Nullable String email,
            @Nullable Role role,
            @Nullable Boolean allowDownload,
            @Nullable Boolean allowUpload)
            implements FileRightsRequest {

        @Override
        public String toString() {
            return "ShareRequest[userId=" + userId + ", role=" + role + "]";
        }
    }

    record ShareBody(
            UUID userId,
            @Nullable String username,
            Role role,
            UUID nodeId,
            boolean allowDownload,
            boolean allowUpload,
            @Nullable UUID sharedBy,
            Instant sharedAt) {

        static ShareBody of(Grant grant, Map<UUID, AccountSummary> accounts) {
            AccountSummary account = accounts.get(grant.accountId());
            return new ShareBody(
                    grant.accountId(),
                    account == null ? null : account.username(),
                    grant.role(),
                    grant.nodeId(),
                    grant.allowDownload(),
                    grant.allowUpload(),
                    grant.grantedBy(),
                    grant.grantedAt());
        }
    }

    /** A share by e-mail: the invitation mailed to the address (never whether an account has it). */
    record ShareInvitation(UUID invitationId, String email, Role role, UUID nodeId, String status, Instant expiresAt) {
        static ShareInvitation of(Invitations.Invitation invitation) {
            return new ShareInvitation(
                    invitation.id(),
                    invitation.email(),
                    invitation.role(),
                    invitation.nodeId(),
                    invitation.status().name(),
                    invitation.expiresAt());
        }

        @Override
        public String toString() {
            return "ShareInvitation[invitationId=" + invitationId + "]";
        }
    }

    /** One page of a node's shares; the cursor is always written, as null on the last page. */
    record ShareList(
            List<ShareBody> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
