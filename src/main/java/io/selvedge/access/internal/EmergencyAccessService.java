package io.selvedge.access.internal;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequestChanged;
import io.selvedge.access.AccessRequestRefusedException;
import io.selvedge.access.AccessScope;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.EmergencyAccess;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.PlatformStaff;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.Caller;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** {@link EmergencyAccess}: break-glass rows beside the access requests, in the group's region. */
@Service
@RequiredArgsConstructor
class EmergencyAccessService implements EmergencyAccess {

    private static final String ONLY_ADMINS = "Only platform admins open emergency access to a customer's group.";

    private final AccessRequestRepository requests;
    private final AccessRequestService lockbox;
    private final GrantRepository grants;
    private final PlatformStaff staff;
    private final AccountDirectory accounts;
    private final GroupWrites writes;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public AccessRequest request(UUID groupId, String reason, String ticket, Duration duration) {
        Caller admin = staff.requirePlatformAdmin(ONLY_ADMINS);
        String why = AccessRequestService.text(reason, AccessRequestService.LONGEST_REASON, "reason");
        String reference = AccessRequestService.text(ticket, AccessRequestService.LONGEST_TICKET, "ticket");
        if (duration.compareTo(AccessRequestService.SHORTEST) < 0
                || duration.compareTo(AccessRequest.LONGEST_BREAK_GLASS) > 0) {
            throw AccessRequestRefusedException.invalid("Break-glass lasts 5 minutes to 1 hour.");
        }
        GroupDataPlane plane = grants.plane(groupId).orElseThrow(NotVisibleException::new);
        followedUp(admin);
        AccessRequest request = AccessRequest.pending(
                groupId,
                admin.accountId(),
                AccessScope.EMERGENCY_READ_ONLY,
                groupId,
                why,
                reference,
                duration,
                clock.instant(),
                AccessRequest.Kind.BREAK_GLASS);
        writes.run(plane.groupId(), tx -> {
            requests.insert(tx.jdbc(), request);
            publish(request, admin, "break-glass-requested");
        });
        return request;
    }

    @Override
    public AccessRequest approve(UUID groupId, UUID requestId) {
        Caller second = staff.requirePlatformAdmin(ONLY_ADMINS);
        AccessRequest request = breakGlass(groupId, requestId);
        if (request.requesterId().equals(second.accountId())) {
            throw new ActionDeniedException("A second platform admin, not the one who asked, opens break-glass.");
        }
        followedUp(second);
        Instant now = clock.instant();
        boolean opened = writes.write(groupId, tx -> {
            if (!requests.decide(
                    tx.jdbc(),
                    AccessRequest.Kind.BREAK_GLASS,
                    groupId,
                    requestId,
                    AccessRequest.Status.APPROVED,
                    second.accountId(),
                    now,
                    now.plus(request.duration()))) {
                return false;
            }
            publish(request, second, "break-glass-opened");
            for (UUID admin : lockbox.admins(groupId)) {
                accounts.account(admin)
                        .filter(account -> account.email() != null)
                        .ifPresent(account -> outbox.enqueue(mail(account.email(), request)));
            }
            return true;
        });
        if (!opened) {
            throw AccessRequestRefusedException.conflict("This break-glass was already approved.");
        }
        return breakGlass(groupId, requestId);
    }

    @Override
    public AccessRequest followUp(UUID groupId, UUID requestId, String note) {
        Caller admin = staff.requirePlatformAdmin(ONLY_ADMINS);
        String written = AccessRequestService.text(note, 4000, "follow-up note");
        AccessRequest request = breakGlass(groupId, requestId);
        if (!admin.accountId().equals(request.requesterId())
                && !admin.accountId().equals(request.decidedBy())) {
            throw new ActionDeniedException("The follow-up is written by the admins who opened the break-glass.");
        }
        boolean noted = writes.write(groupId, tx -> {
            if (!requests.followUp(tx.jdbc(), groupId, requestId, written, clock.instant())) {
                return false;
            }
            publish(request, admin, "break-glass-followed-up");
            return true;
        });
        if (!noted) {
            throw AccessRequestRefusedException.conflict("Only an opened break-glass without a note takes one.");
        }
        return breakGlass(groupId, requestId);
    }

    private void followedUp(Caller admin) {
        if (!requests.awaitingFollowUp(admin.accountId()).isEmpty()) {
            throw AccessRequestRefusedException.conflict(
                    "Write the follow-up note of your last break-glass before you open or approve another.");
        }
    }

    private AccessRequest breakGlass(UUID groupId, UUID requestId) {
        return requests.find(groupId, requestId)
                .filter(found -> found.kind() == AccessRequest.Kind.BREAK_GLASS)
                .orElseThrow(() -> new Refusal.NotFound("There is no such break-glass request."));
    }

    private void publish(AccessRequest request, Caller admin, String change) {
        RequestOrigin origin = RequestOrigin.current();
        AuditActor actor = AuditActor.account(admin.accountId());
        events.publishEvent(
                new AccessRequestChanged(request.groupId(), request.groupId(), request.id(), actor, change, origin));
        events.publishEvent(new AccessRequestChanged(null, request.groupId(), request.id(), actor, change, origin));
    }

    private static OutgoingMail mail(String address, AccessRequest request) {
        String text = "Hello,\n\nTwo Selvedge platform admins opened emergency (break-glass) access to your group,"
                + " read-only, for at most " + request.duration().toMinutes() + " minutes, for ticket "
                + request.ticket() + ".\n\nReason given: " + request.reason() + "\n\nEverything they do is on your"
                + " group's audit trail. A group admin can revoke it at once in the admin console, under Staff access"
                + " requests.\n";
        return OutgoingMail.text(address, "Emergency access to your Selvedge group was opened", text);
    }
}
