package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Invitations;
import io.selvedge.access.Invitations.Invitation;
import io.selvedge.access.Level;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invitations: {@code POST /groups/{id}/invitations} {@code {email, role, nodeId}} (nodeId: the group
 * itself when left out), the list, resend and revoke (each for whoever may grant that role on that node), and
 * {@code POST /invitations/{token}/accept}: with a body, a new account; with an API token, the token's
 * account gets the role.
 */
@RestController
@RequiredArgsConstructor
class InvitationsApi {

    private final Invitations invitations;
    private final Callers callers;

    /** Any member reaches the handler; whether they may invite with that role on that node is decided there. */
    @PostMapping("/api/v1/groups/{groupId}/invitations")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    ResponseEntity<InvitationBody> invite(@PathVariable UUID groupId, @RequestBody NewInvitation request) {
        if (request.email() == null || request.role() == null) {
            throw invalid("Give the email and the role (and the nodeId, unless it is the group).");
        }
        Invitation sent;
        try {
            sent = invitations.invite(
                    groupId, request.email(), request.role(), request.nodeId() == null ? groupId : request.nodeId());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/invitations/" + sent.id()))
                .body(InvitationBody.of(sent));
    }

    @GetMapping("/api/v1/groups/{groupId}/invitations")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    InvitationList list(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = ListPages.LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        ListPages.Slice<Invitation> page =
                ListPages.page(invitations.invitationsOf(groupId), i -> i.id().toString(), limit, cursor);
        return new InvitationList(page.items().stream().map(InvitationBody::of).toList(), page.nextCursor());
    }

    @PostMapping("/api/v1/groups/{groupId}/invitations/{invitationId}/resend")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    InvitationBody resend(@PathVariable UUID groupId, @PathVariable UUID invitationId) {
        return InvitationBody.of(invitations.resend(groupId, invitationId));
    }

    @DeleteMapping("/api/v1/groups/{groupId}/invitations/{invitationId}")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    InvitationBody revoke(@PathVariable UUID groupId, @PathVariable UUID invitationId) {
        return InvitationBody.of(invitations.revoke(groupId, invitationId));
    }

    @PostMapping("/api/v1/invitations/{token}/accept")
    @AnyCaller("the invitation link's secret is the credential; a signed-in caller accepts for its own account")
    ResponseEntity<AcceptedBody> accept(
            @PathVariable String token, @RequestBody(required = false) @Nullable Acceptance body) {
        Optional<Caller> caller = callers.current();
        Invitations.Accepted accepted;
        if (caller.isPresent()) {
            accepted = invitations.acceptAs(token, caller.get().accountId());
        } else {
            if (body == null || body.username() == null || body.password() == null) {
                throw invalid("Give a username and a password (and a displayName if you like) for the new account,"
                        + " or call with your API token to accept for your account.");
            }
            try {
                accepted = invitations.acceptAsNewAccount(token, body.username(), body.password(), body.displayName());
            } catch (IllegalArgumentException e) { // a username, password or name the account cannot have
                throw invalid(e.getMessage());
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(AcceptedBody.of(accepted));
    }

    private static Refusal invalid(String detail) {
        return new Refusal.Unprocessable(detail);
    }

    record NewInvitation(
            @Nullable String email,
            @Nullable Role role,
            @Nullable UUID nodeId) {
        @Override
        public String toString() {
            return "NewInvitation[role=" + role + ", nodeId=" + nodeId + "]";
        }
    }

    record Acceptance(
            @Nullable String username,
            @Nullable String password,
            @Nullable String displayName) {
        @Override
        public String toString() {
            return "Acceptance[username=" + username + "]";
        }
    }

    record InvitationBody(
            UUID id,
            UUID groupId,
            UUID nodeId,
            Level level,
            Role role,
            String email,
            String status,
            UUID invitedBy,
            Instant createdAt,
            Instant expiresAt,
            int sentCount,
            @Nullable UUID acceptedBy) {

        static InvitationBody of(Invitation invitation) {
            return new InvitationBody(
                    invitation.id(),
                    invitation.groupId(),
                    invitation.nodeId(),
                    invitation.level(),
                    invitation.role(),
                    invitation.email(),
                    invitation.status().name(),
                    invitation.invitedBy(),
                    invitation.createdAt(),
                    invitation.expiresAt(),
                    invitation.sentCount(),
                    invitation.acceptedBy());
        }
    }

    record AcceptedBody(UUID accountId, UUID groupId, UUID nodeId, Role role, boolean newAccount) {
        static AcceptedBody of(Invitations.Accepted accepted) {
            return new AcceptedBody(
                    accepted.accountId(),
                    accepted.groupId(),
                    accepted.nodeId(),
                    accepted.role(),
                    accepted.newAccount());
        }
    }

    /** One page of the invitations; the cursor is always written, as null on the last page. */
    record InvitationList(
            List<InvitationBody> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
