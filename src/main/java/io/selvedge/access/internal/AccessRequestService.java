package io.selvedge.access.internal;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequestChanged;
import io.selvedge.access.AccessRequestRefusedException;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Grant;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.access.StaffAction;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.Caller;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * {@link AccessRequests}: rows in the group's region (written through {@link GroupWrites}, the events and the
 * group admins' mail in the same unit of work), decided only by the group's admins through the decision
 * point ({@link Action#DECIDE_ACCESS_REQUESTS}), which staff never hold.
 */
@Service
@RequiredArgsConstructor
class AccessRequestService implements AccessRequests {

    static final int LIST_LIMIT = 200;
    static final int LONGEST_REASON = 2000;
    static final int LONGEST_TICKET = 200;
    static final Duration SHORTEST = Duration.ofMinutes(5);

    private final AccessRequestRepository requests;
    private final GrantRepository grants;
    private final DecisionPoint decisions;
    private final AccountDirectory accounts;
    private final GroupWrites writes;
    private final Outbox outbox;
    private final PlatformProperties platform;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Override
    public AccessRequest request(
            UUID groupId, AccessScope scope, UUID nodeId, String reason, String ticket, Duration duration) {
        Caller caller = requester();
        String why = text(reason, LONGEST_REASON, "reason");
        String reference = text(ticket, LONGEST_TICKET, "ticket");
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(AccessRequest.LONGEST) > 0) {
            throw AccessRequestRefusedException.invalid("The duration is 5 minutes to 8 hours.");
        }
        ResourcePath path = decisions.locate(nodeId).orElseThrow(NotVisibleException::new);
        if (!path.groupId().equals(groupId) || scope.onGroup() && !nodeId.equals(groupId)) {
            throw new NotVisibleException();
        }
        GroupDataPlane plane = grants.plane(groupId).orElseThrow(NotVisibleException::new);
        AccessRequest request = AccessRequest.pending(
                groupId,
                caller.accountId(),
                scope,
                nodeId,
                why,
                reference,
                duration,
                clock.instant(),
                AccessRequest.Kind.REQUEST);
        writes.run(plane.groupId(), tx -> {
            requests.insert(tx.jdbc(), request);
            publish(request, AuditActor.account(caller.accountId()), "requested");
            for (UUID admin : admins(groupId)) {
                accounts.account(admin)
                        .filter(account -> account.email() != null)
                        .ifPresent(account -> outbox.enqueue(mail(account.email(), request)));
            }
        });
        return request;
    }

    @Override
    public List<AccessRequest> mine() {
        return requests.byRequester(staff().accountId(), LIST_LIMIT);
    }

    @Override
    public Map<UUID, RequesterSummary> byRequester() {
        StaffAction.REVIEW_STAFF_ACCESS.require(
                SecurityContextHolder.getContext().getAuthentication());
        Map<UUID, Long> counts = requests.countsByRequester();
        Map<UUID, RequesterSummary> summaries = new HashMap<>();
        counts.forEach((requester, count) -> requests.byRequester(requester, 1).stream()
                .findFirst()
                .ifPresent(latest -> summaries.put(requester, new RequesterSummary(count, latest))));
        return summaries;
    }

    @Override
    public List<AccessRequest> openForCaller() {
        Optional<Caller> caller = decisions.caller().filter(Caller::staff);
        if (caller.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return requests.byRequester(caller.get().accountId(), LIST_LIMIT).stream()
                .filter(request -> request.openAt(now))
                .toList();
    }

    @Override
    public List<AccessRequest> ofGroup(UUID groupId) {
        decisions.require(Action.DECIDE_ACCESS_REQUESTS, groupId);
        return requests.ofGroup(groupId, LIST_LIMIT);
    }

    @Override
    public AccessRequest get(UUID groupId, UUID requestId) {
        Optional<Caller> caller = decisions.caller();
        if (caller.isPresent() && caller.get().staff()) {
            return requests.find(groupId, requestId)
                    .filter(found -> found.requesterId().equals(caller.get().accountId()))
                    .orElseThrow(AccessRequestService::noSuchRequest);
        }
        decisions.require(Action.DECIDE_ACCESS_REQUESTS, groupId);
        return requests.find(groupId, requestId).orElseThrow(AccessRequestService::noSuchRequest);
    }

    @Override
    public AccessRequest approve(UUID groupId, UUID requestId) {
        return decide(groupId, requestId, AccessRequest.Status.APPROVED);
    }

    @Override
    public AccessRequest deny(UUID groupId, UUID requestId) {
        return decide(groupId, requestId, AccessRequest.Status.DENIED);
    }

    @Override
    public AccessRequest revoke(UUID groupId, UUID requestId) {
        Caller admin = groupAdmin(groupId);
        AccessRequest request = requests.find(groupId, requestId).orElseThrow(AccessRequestService::noSuchRequest);
        Instant now = clock.instant();
        boolean revoked = writes.write(groupId, tx -> {
            if (!requests.revoke(tx.jdbc(), groupId, requestId, admin.accountId(), now)) {
                return false;
            }
            publish(request, AuditActor.account(admin.accountId()), "revoked");
            return true;
        });
        if (!revoked) {
            throw AccessRequestRefusedException.conflict("Only an open (approved, unexpired) request can be revoked.");
        }
        return requests.find(groupId, requestId).orElseThrow(NotVisibleException::new);
    }

    @Override
    public Optional<AccessRequest> open(UUID groupId, UUID accountId) {
        return requests.open(groupId, accountId, clock.instant());
    }

    private AccessRequest decide(UUID groupId, UUID requestId, AccessRequest.Status status) {
        Caller admin = groupAdmin(groupId);
        AccessRequest request = requests.find(groupId, requestId).orElseThrow(AccessRequestService::noSuchRequest);
        Instant now = clock.instant();
        Instant expiresAt = status == AccessRequest.Status.APPROVED ? now.plus(request.duration()) : null;
        boolean decided = writes.write(groupId, tx -> {
            if (!requests.decide(
                    tx.jdbc(),
                    AccessRequest.Kind.REQUEST,
                    groupId,
                    requestId,
                    status,
                    admin.accountId(),
                    now,
                    expiresAt)) {
                return false;
            }
            publish(
                    request,
                    AuditActor.account(admin.accountId()),
                    status.name().toLowerCase(java.util.Locale.ROOT));
            return true;
        });
        if (!decided) {
            throw AccessRequestRefusedException.conflict("The request was already decided.");
        }
        return requests.find(groupId, requestId).orElseThrow(NotVisibleException::new);
    }

    /** The caller, if they are one of the group's admins (staff never are: 404 or 403 as for anyone else). */
    private Caller groupAdmin(UUID groupId) {
        decisions.require(Action.DECIDE_ACCESS_REQUESTS, groupId);
        return decisions.caller().filter(caller -> !caller.staff()).orElseThrow(NotVisibleException::new);
    }

    private void publish(AccessRequest request, AuditActor actor, String change) {
        RequestOrigin origin = RequestOrigin.current();
        events.publishEvent(
                new AccessRequestChanged(request.groupId(), request.groupId(), request.id(), actor, change, origin));
        events.publishEvent(new AccessRequestChanged(null, request.groupId(), request.id(), actor, change, origin));
    }

    List<UUID> admins(UUID groupId) {
        return grants.all(groupId).stream()
                .filter(grant ->
                        grant.role() == Role.GROUP_ADMIN && grant.nodeId().equals(groupId))
                .map(Grant::accountId)
                .distinct()
                .toList();
    }

    private Caller requester() {
        Caller caller = staff();
        StaffAction.REQUEST_GROUP_ACCESS.require(
                SecurityContextHolder.getContext().getAuthentication());
        return caller;
    }

    private Caller staff() {
        return decisions
                .caller()
                .filter(Caller::staff)
                .orElseThrow(() -> new ActionDeniedException("Only platform staff make access requests."));
    }

    /** 404 for a request id the group does not have (after the decision: the caller may know the group). */
    private static Refusal noSuchRequest() {
        return new Refusal.NotFound("The group has no such access request.");
    }

    static String text(String value, int longest, String name) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > longest) {
            throw AccessRequestRefusedException.invalid("Give a " + name + " of 1 to " + longest + " characters.");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw AccessRequestRefusedException.invalid("The " + name + " may not hold control characters.");
        }
        return stripped;
    }

    private OutgoingMail mail(String address, AccessRequest request) {
        String link = platform.publicUrl().toString().replaceAll("/+$", "") + "/admin/groups/" + request.groupId()
                + "/access-requests";
        String scope = request.scope().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String text = "Hello,\n\nA member of the Selvedge platform staff asks for access to your group: " + scope
                + ", for at most " + request.duration().toMinutes() + " minutes, for ticket " + request.ticket()
                + ".\n\nNobody at Selvedge can see your group's data unless one of its admins approves. Approve or deny"
                + " it here:\n" + link + "\n\nIf you did not expect this, deny it and contact us.\n";
        return OutgoingMail.text(address, "Selvedge staff ask for access to your group", text);
    }
}
