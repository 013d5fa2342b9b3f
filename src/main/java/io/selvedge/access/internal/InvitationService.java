package io.selvedge.access.internal;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.FirstAdminInvited;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.InvitationAccepted;
import io.selvedge.access.InvitationInvalidException;
import io.selvedge.access.InvitationRevoked;
import io.selvedge.access.InvitationSent;
import io.selvedge.access.Invitations;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.PermissionTable;
import io.selvedge.access.PlatformStaff;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.AccountRegistration;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** {@link Invitations}: rows in the group's region, mail through the outbox, the account through identity. */
@Service
@RequiredArgsConstructor
class InvitationService implements Invitations {

    private static final String EMAIL_INDEX = "access_invitation_email";
    private static final Duration VALIDITY = Duration.ofDays(VALID_DAYS);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<Action> SEE_INVITATIONS =
            EnumSet.of(Action.SEE_GROUP_MEMBERS, Action.SEE_COMPANY_MEMBERS, Action.SEE_BRAND_MEMBERS, Action.SHARE);

    private final InvitationRepository records;
    private final GrantRepository grants;
    private final GrantService grantService;
    private final DecisionPoint decisions;
    private final PlatformStaff staff;
    private final Callers callers;
    private final FieldCiphers ciphers;
    private final Outbox outbox;
    private final AccountRegistration registration;
    private final PlatformProperties platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GroupWrites writes;
    private final SecureRandom random = new SecureRandom();

    @Override
    public Invitation invite(UUID groupId, String email, Role role, UUID nodeId) {
        String address = EmailAddresses.check(email);
        ResourcePath path = inGroup(groupId, nodeId);
        Caller inviter = decisions.caller().orElseThrow(NotVisibleException::new);
        mayGrant(path, role);
        return send(plane(groupId), path, address, role, inviter, UUID.randomUUID(), newToken(), null);
    }

    @Override
    public Invitation inviteToShare(UUID nodeId, String email, Role role, boolean allowDownload, boolean allowUpload) {
        if (role == null || !role.byShare()) {
            throw new GrantRefusedException("A share makes an EDITOR or a VIEWER.");
        }
        String address = EmailAddresses.check(email);
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        Caller inviter = decisions.caller().orElseThrow(NotVisibleException::new);
        mayGrant(path, role);
        UUID id = UUID.randomUUID();
        GroupDataPlane plane = plane(path.groupId());
        // The allowances are written in the invitation's own transaction, before its mail can be followed.
        return send(
                plane,
                path,
                address,
                role,
                inviter,
                id,
                newToken(),
                () -> records.allow(
                        plane.jdbc(), id, allowDownload && role == Role.VIEWER, allowUpload && role == Role.VIEWER));
    }

    @Override
    public FirstAdminInvitation inviteFirstAdmin(UUID groupId, String email) {
        String address = EmailAddresses.check(email);
        Caller staff = this.staff.requirePlatformAdmin("Only a platform admin starts a customer's group.");
        GroupDataPlane plane = plane(groupId);
        if (hasAdmin(groupId)) {
            throw new GrantRefusedException("The group has an admin already: its admins invite.");
        }
        String token = newToken();
        UUID id = UUID.randomUUID();
        Invitation invitation = send(
                plane,
                ResourcePath.ofGroup(groupId),
                address,
                Role.GROUP_ADMIN,
                staff,
                id,
                token,
                () -> events.publishEvent(
                        new FirstAdminInvited(groupId, id, staff.accountId(), RequestOrigin.current())));
        return new FirstAdminInvitation(invitation, link(token));
    }

    private boolean hasAdmin(UUID groupId) {
        return grants.all(groupId).stream().anyMatch(grant -> grant.role() == Role.GROUP_ADMIN);
    }

    /** Stores an invitation and mails its link, in one transaction with its events. */
    private Invitation send(
            GroupDataPlane plane,
            ResourcePath path,
            String address,
            Role role,
            Caller inviter,
            UUID id,
            String token,
            @Nullable Runnable alsoPublish) {
        UUID groupId = path.groupId();
        UUID nodeId = path.target().id();
        Instant now = clock.instant();
        InvitationRepository.Row row = new InvitationRepository.Row(
                id,
                groupId,
                nodeId,
                role,
                InvitationRepository.EMAIL.encrypt(ciphers.of(groupId), address, id),
                Status.PENDING,
                inviter.accountId(),
                now,
                now.plus(VALIDITY),
                1,
                null);
        writes.run(plane.groupId(), tx -> {
            records.insert(plane.jdbc(), row, emailIndex(groupId, address), hash(token));
            events.publishEvent(new InvitationSent(
                    groupId,
                    id,
                    nodeId,
                    role,
                    AuditActor.account(inviter.accountId()),
                    false,
                    RequestOrigin.current()));
            if (alsoPublish != null) {
                alsoPublish.run();
            }
            outbox.enqueue(mail(address, role, path.level(), token));
        });
        return invitation(row, path.level());
    }

    @Override
    public List<Invitation> invitationsOf(UUID groupId) {
        GroupDataPlane plane = plane(groupId);
        Instant now = clock.instant();
        return records.ofGroup(plane.jdbc(), groupId).stream()
                .filter(row -> decisions.allowed(row.nodeId()).stream().anyMatch(SEE_INVITATIONS::contains))
                .map(row -> invitation(expiredIfOld(row, now), levelOf(row.nodeId())))
                .toList();
    }

    @Override
    public Invitation resend(UUID groupId, UUID invitationId) {
        GroupDataPlane plane = plane(groupId);
        InvitationRepository.Row row = managed(plane, groupId, invitationId);
        Caller caller = decisions.caller().orElseThrow(NotVisibleException::new);
        if (row.status() != Status.PENDING) {
            throw new GrantRefusedException("Only a pending invitation is sent again (this one is "
                    + row.status().name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        String address = InvitationRepository.EMAIL.decrypt(ciphers.of(groupId), row.sealedEmail(), row.id());
        String token = newToken();
        Instant expires = clock.instant().plus(VALIDITY);
        Level level = levelOf(row.nodeId());
        writes.run(plane.groupId(), tx -> {
            if (!records.renew(plane.jdbc(), invitationId, hash(token), expires)) {
                throw new GrantRefusedException("The invitation was accepted or revoked meanwhile.");
            }
            events.publishEvent(new InvitationSent(
                    groupId,
                    invitationId,
                    row.nodeId(),
                    row.role(),
                    AuditActor.account(caller.accountId()),
                    true,
                    RequestOrigin.current()));
            outbox.enqueue(mail(address, row.role(), level, token));
        });
        return invitation(records.find(plane.jdbc(), groupId, invitationId).orElseThrow(), level);
    }

    @Override
    public Invitation revoke(UUID groupId, UUID invitationId) {
        GroupDataPlane plane = plane(groupId);
        InvitationRepository.Row row = managed(plane, groupId, invitationId);
        Caller caller = decisions.caller().orElseThrow(NotVisibleException::new);
        writes.run(plane.groupId(), tx -> {
            if (!records.move(plane.jdbc(), invitationId, Status.PENDING, Status.REVOKED, null, clock.instant())) {
                throw new GrantRefusedException("Only a pending invitation can be revoked.");
            }
            events.publishEvent(new InvitationRevoked(
                    groupId, invitationId, AuditActor.account(caller.accountId()), RequestOrigin.current()));
        });
        return invitation(records.find(plane.jdbc(), groupId, row.id()).orElseThrow(), levelOf(row.nodeId()));
    }

    @Override
    public Optional<Invitation> pending(String token) {
        return usable(token).map(row -> invitation(row, levelOf(row.nodeId())));
    }

    @Override
    public Accepted acceptAsNewAccount(String token, String username, String password, @Nullable String displayName) {
        InvitationRepository.Row row = usable(token).orElseThrow(InvitationInvalidException::new);
        GroupDataPlane plane = plane(row.groupId());
        // Claimed first, so two acceptances of one link never make two accounts.
        if (!records.move(plane.jdbc(), row.id(), Status.PENDING, Status.ACCEPTING, null, clock.instant())) {
            throw new InvitationInvalidException();
        }
        UUID accountId;
        try {
            String address = InvitationRepository.EMAIL.decrypt(ciphers.of(row.groupId()), row.sealedEmail(), row.id());
            accountId = registration.register(username, password, displayName, address);
        } catch (RuntimeException e) {
            records.move(plane.jdbc(), row.id(), Status.ACCEPTING, Status.PENDING, null, clock.instant());
            throw e;
        }
        return grantAccepted(plane, row, accountId, Status.ACCEPTING, true);
    }

    @Override
    public Accepted acceptAs(String token, UUID accountId) {
        InvitationRepository.Row row = usable(token).orElseThrow(InvitationInvalidException::new);
        Caller account = callers.byId(accountId).orElseThrow(InvitationInvalidException::new);
        if (account.staff()) {
            throw new GrantRefusedException("Platform staff hold no role in a customer's group.");
        }
        return grantAccepted(plane(row.groupId()), row, accountId, Status.PENDING, false);
    }

    private Accepted grantAccepted(
            GroupDataPlane plane, InvitationRepository.Row row, UUID accountId, Status from, boolean newAccount) {
        ResourcePath path = decisions.locate(row.nodeId()).orElseThrow(InvitationInvalidException::new);
        writes.run(plane.groupId(), tx -> {
            if (!records.move(plane.jdbc(), row.id(), from, Status.ACCEPTED, accountId, clock.instant())) {
                throw new InvitationInvalidException();
            }
            boolean[] allows = records.allowances(plane.jdbc(), row.id());
            grantService.grantInvited(path, accountId, row.role(), row.invitedBy(), allows[0], allows[1]);
            events.publishEvent(new InvitationAccepted(
                    row.groupId(), row.id(), row.nodeId(), row.role(), accountId, newAccount, RequestOrigin.current()));
        });
        decisions.forgetRequestDecisions();
        return new Accepted(accountId, row.groupId(), row.nodeId(), row.role(), newAccount);
    }

    /**
     * The pending row of a link: unknown, used, revoked and expired links are all empty. An invitation whose
     * inviter may no longer grant its role there (their own role was taken away) no longer works either.
     */
    private Optional<InvitationRepository.Row> usable(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return records.byToken(hash(token))
                .filter(row -> row.status() == Status.PENDING)
                .filter(row -> clock.instant().isBefore(row.expiresAt()))
                .filter(this::inviterMayStillGrant);
    }

    private boolean inviterMayStillGrant(InvitationRepository.Row row) {
        Optional<ResourcePath> path = decisions.locate(row.nodeId());
        if (path.isEmpty() || path.get().deletedOnPath()) {
            return false;
        }
        if (firstAdminFromStaff(row, path.get())) {
            return !hasAdmin(row.groupId());
        }
        Set<Action> held = decisions.allowedFor(row.invitedBy(), row.nodeId());
        Action needed = row.role().byShare()
                ? Action.SHARE
                : GrantService.inviteOn(path.get().level());
        return held.contains(needed) && heldOnPath(row.invitedBy(), path.get(), row.role());
    }

    /** Staff hold no role, so their first-admin invitation holds only while the group has no admin. */
    private boolean firstAdminFromStaff(InvitationRepository.Row row, ResourcePath path) {
        return row.role() == Role.GROUP_ADMIN
                && path.level() == Level.GROUP
                && callers.byId(row.invitedBy()).map(Caller::staff).orElse(false);
    }

    private boolean heldOnPath(UUID accountId, ResourcePath path, Role role) {
        return PermissionTable.atLeast(decisions.heldBy(accountId, path.target().id()), role, false, false);
    }

    /** The caller may grant the role on the node: the right to invite or share there, and nothing stronger. */
    private void mayGrant(ResourcePath path, Role role) {
        UUID nodeId = path.target().id();
        if (!role.grantableOn(path.level())) {
            throw new GrantRefusedException("A " + role + " is granted on a "
                    + role.grantedOn().stream().map(Level::noun).toList() + ", not on a "
                    + path.level().noun() + ".");
        }
        Action needed = role.byShare() ? Action.SHARE : GrantService.inviteOn(path.level());
        decisions.require(needed, nodeId);
        if (!PermissionTable.atLeast(decisions.held(nodeId), role, false, false)) {
            throw new ActionDeniedException("You cannot invite with a role stronger than your own here.");
        }
    }

    /** An invitation the caller may manage: on a node where they may grant its role. */
    private InvitationRepository.Row managed(GroupDataPlane plane, UUID groupId, UUID invitationId) {
        InvitationRepository.Row row = records.find(plane.jdbc(), groupId, invitationId)
                .orElseThrow(() -> new Refusal.NotFound("The group has no such invitation."));
        ResourcePath path = decisions.locate(row.nodeId()).orElseThrow(NotVisibleException::new);
        if (decisions.allowed(row.nodeId()).isEmpty()) {
            throw new NotVisibleException();
        }
        mayGrant(path, row.role());
        return row;
    }

    private ResourcePath inGroup(UUID groupId, UUID nodeId) {
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        if (!path.groupId().equals(groupId) || path.deletedOnPath()) {
            throw new NotVisibleException();
        }
        return path;
    }

    private InvitationRepository.Row expiredIfOld(InvitationRepository.Row row, Instant now) {
        if (row.status() == Status.PENDING && !now.isBefore(row.expiresAt())) {
            return new InvitationRepository.Row(
                    row.id(),
                    row.groupId(),
                    row.nodeId(),
                    row.role(),
                    row.sealedEmail(),
                    Status.EXPIRED,
                    row.invitedBy(),
                    row.createdAt(),
                    row.expiresAt(),
                    row.sentCount(),
                    row.acceptedBy());
        }
        return row;
    }

    private Invitation invitation(InvitationRepository.Row row, Level level) {
        String email = InvitationRepository.EMAIL.decrypt(ciphers.of(row.groupId()), row.sealedEmail(), row.id());
        return new Invitation(
                row.id(),
                row.groupId(),
                row.nodeId(),
                level,
                row.role(),
                email,
                row.status(),
                row.invitedBy(),
                row.createdAt(),
                row.expiresAt(),
                row.sentCount(),
                row.acceptedBy());
    }

    private Level levelOf(UUID nodeId) {
        return decisions.locate(nodeId).map(ResourcePath::level).orElse(Level.GROUP);
    }

    private GroupDataPlane plane(UUID groupId) {
        return grants.plane(groupId).orElseThrow(NotVisibleException::new);
    }

    private String link(String token) {
        return platform.publicUrl().toString().replaceAll("/+$", "") + "/invitations/" + token;
    }

    private OutgoingMail mail(String address, Role role, Level level, String token) {
        String link = link(token);
        String roleName = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String text = "Hello,\n\nYou are invited to join a group on Selvedge as " + roleName + " of a "
                + level.noun() + ".\n\nAccept the invitation here (the link works once, for " + VALID_DAYS
                + " days):\n\n" + link + "\n\nIf you did not expect this, ignore this e-mail.\n";
        String html = "<p>Hello,</p><p>You are invited to join a group on Selvedge as " + roleName + " of a "
                + level.noun() + ".</p><p><a href=\"" + link + "\">Accept the invitation</a> (the link works once, for "
                + VALID_DAYS + " days).</p><p>If you did not expect this, ignore this e-mail.</p>";
        return new OutgoingMail(address, "You are invited to Selvedge", text, html);
    }

    private String emailIndex(UUID groupId, String normalised) {
        return HexFormat.of().formatHex(ciphers.blindIndex(groupId, EMAIL_INDEX, normalised));
    }

    private String newToken() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
