package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.DirectGrants;
import io.selvedge.access.Grant;
import io.selvedge.access.Invitations;
import io.selvedge.access.Role;
import io.selvedge.access.Shares;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.platform.Refusal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What a share endpoint does, whatever is shared: the handlers of a workroom's shares
 * ({@link WorkroomSharesApi}) and of a style's ({@link StyleSharesApi}) call it. The handler states the permission
 * ({@code SHARE} on the node); the checks of a grant (nothing stronger than the caller's own) are
 * {@link Shares}'.
 */
@Component
class ShareEndpoints {

    private final Shares shares;
    private final DirectGrants directGrants;
    private final Invitations invitations;
    private final AccountDirectory accounts;

    ShareEndpoints(Shares shares, DirectGrants directGrants, Invitations invitations, AccountDirectory accounts) {
        this.shares = shares;
        this.directGrants = directGrants;
        this.invitations = invitations;
        this.accounts = accounts;
    }

    /**
     * A share by id is made at once for an account the group holds or manages, and is otherwise an invitation
     * the account accepts or not (202, the answer of {@code PUT .../members}, the same for an id nobody has);
     * one with an e-mail address is always an invitation (202), and the answer is the same whether or not an
     * account has the address: it never names one.
     */
    ResponseEntity<?> create(String collection, UUID nodeId, ShareRequest request) {
        if (request.role() == null || !request.role().byShare()) {
            throw invalid("Give the role: EDITOR or VIEWER.");
        }
        if (request.userId() == null && request.email() != null) {
            EmailAddresses.problemWith(request.email()).ifPresent(reason -> {
                throw invalid(reason);
            });
            Invitations.Invitation invited = invitations.inviteToShare(
                    nodeId,
                    request.email(),
                    request.role(),
                    Boolean.TRUE.equals(request.allowDownload()),
                    Boolean.TRUE.equals(request.allowUpload()));
            return ResponseEntity.accepted().body(ShareInvitation.of(invited));
        }
        UUID accountId = accountOf(request);
        DirectGrants.Outcome outcome = directGrants.share(
                nodeId,
                accountId,
                request.role(),
                Boolean.TRUE.equals(request.allowDownload()),
                Boolean.TRUE.equals(request.allowUpload()));
        if (outcome.invited()) {
            return MembersApi.Invited.answer();
        }
        Grant grant = outcome.grant();
        return ResponseEntity.created(URI.create("/api/v1/" + collection + "/" + nodeId + "/shares/" + accountId))
                .body(ShareBody.of(grant, usernames(List.of(grant))));
    }

    ShareList list(UUID nodeId, int limit, @Nullable String cursor) {
        ListPages.Slice<Grant> page = ListPages.page(
                shares.sharesOn(nodeId), grant -> grant.accountId().toString(), limit, cursor);
        Map<UUID, AccountSummary> names = usernames(page.items());
        return new ShareList(
                page.items().stream().map(grant -> ShareBody.of(grant, names)).toList(), page.nextCursor());
    }

    ResponseEntity<Void> remove(UUID nodeId, UUID userId) {
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
            @Nullable Boolean allowUpload) {

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
