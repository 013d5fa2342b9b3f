package io.selvedge.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Invitations to a group with a role on one of its nodes. The e-mail carries a single-use link valid
 * {@link #VALID_DAYS} days; its secret (256 bits) is never stored, only its hash, and the address is
 * encrypted under the group's keys. Inviting, resending and revoking need the right to grant that role on
 * that node ({@link Grants}' rules); accepting needs only the link.
 */
public interface Invitations {

    int VALID_DAYS = 7;

    /**
     * Invites an address, for the current caller; mails the link (through the outbox). Publishes
     * {@link InvitationSent}.
     *
     * @throws NotVisibleException if the node is not one of the group's that the caller may see
     * @throws ActionDeniedException if the caller may not invite there, or not with this strong a role
     * @throws GrantRefusedException if the role is not granted on the node's level
     * @throws IllegalArgumentException if the address is not one
     */
    Invitation invite(UUID groupId, String email, Role role, UUID nodeId);

    /**
     * A share with an e-mail address: always an invitation, whether or not an account has the address (the
     * answer says nothing about it), granted as {@code role} (EDITOR or VIEWER) with the allowances when the
     * invitee accepts. Needs the right to share on the node, and nothing stronger than the caller's own role.
     *
     * @throws GrantRefusedException if the role is not a share's
     */
    Invitation inviteToShare(UUID nodeId, String email, Role role, boolean allowDownload, boolean allowUpload);

    /**
     * Platform staff's first-run path: invites the first admin of a group that has none (one staff
     * created for a customer), as {@link Role#GROUP_ADMIN}; mails the link and returns it too, to be shown
     * once to the staff member who asked (it is the page's purpose). Publishes {@link InvitationSent} on
     * the group's trail and {@link FirstAdminInvited} on the platform trail. The invitation stays usable
     * only while the group has no admin.
     *
     * @throws ActionDeniedException if the caller is not a platform admin
     * @throws NotVisibleException if there is no such group
     * @throws GrantRefusedException if the group has an admin already (its admins invite)
     * @throws IllegalArgumentException if the address is not one
     */
    FirstAdminInvitation inviteFirstAdmin(UUID groupId, String email);

    /** The group's invitations the caller may see (those on nodes whose members they may see), newest first. */
    List<Invitation> invitationsOf(UUID groupId);

    /** Mails a fresh link (the old one stops working) valid another {@link #VALID_DAYS} days. */
    Invitation resend(UUID groupId, UUID invitationId);

    /** Revokes a pending invitation; publishes {@link InvitationRevoked}. */
    Invitation revoke(UUID groupId, UUID invitationId);

    /** The pending, unexpired invitation of a link's secret, for the acceptance page. */
    Optional<Invitation> pending(String token);

    /**
     * Accepts as a new account (through identity's registration), granted the role. Publishes
     * {@link InvitationAccepted}.
     *
     * @throws InvitationInvalidException if the link is unknown, used, revoked or expired
     */
    Accepted acceptAsNewAccount(String token, String username, String password, @Nullable String displayName);

    /** Accepts for an existing account that signed in (the link proves the invitee read the mail). */
    Accepted acceptAs(String token, UUID accountId);

    /** One invitation; its address is decrypted for those who may see it. */
    record Invitation(
            UUID id,
            UUID groupId,
            UUID nodeId,
            Level level,
            Role role,
            String email,
            Status status,
            UUID invitedBy,
            Instant createdAt,
            Instant expiresAt,
            int sentCount,
            @Nullable UUID acceptedBy) {

        @Override
        public String toString() {
            return "Invitation[id=" + id + ", status=" + status + "]";
        }
    }

    enum Status {
        PENDING,
        ACCEPTING,
        ACCEPTED,
        REVOKED,
        EXPIRED
    }

    /** A first admin's invitation and its link, for the one page that shows it. */
    record FirstAdminInvitation(Invitation invitation, String link) {

        @Override
        public String toString() {
            return "FirstAdminInvitation[" + invitation + "]";
        }
    }

    /** What an acceptance gave: the account and its new role. */
    record Accepted(UUID accountId, UUID groupId, UUID nodeId, Role role, boolean newAccount) {}
}
