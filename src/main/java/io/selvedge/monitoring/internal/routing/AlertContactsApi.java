package io.selvedge.monitoring.internal.routing;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Requires;
import io.selvedge.identity.Callers;
import io.selvedge.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code PUT /api/v1/groups/{id}/alert-contacts}: where the group's own alerts are sent besides
 * the installation's teams, its security contacts (channels and the least severe alert they receive, by
 * default WARNING), for its admins ({@link Action#MANAGE_ALERTS}). PUT replaces the list; a channel given with
 * the id of an existing one keeps its secret. A new webhook's signing secret is in the PUT's answer only.
 */
@RestController
@RequiredArgsConstructor
class AlertContactsApi {

    static final String PATH = "/api/v1/groups/{groupId}/alert-contacts";

    private final AlertRouting routing;

    private final Callers callers;

    record ContactChannel(
            @Nullable UUID id,
            @Nullable String kind,
            @Nullable String name,
            @Nullable String target,
            @Nullable String routingKey) {}

    record ContactsRequest(
            @Nullable String minSeverity, @Nullable List<ContactChannel> channels) {}

    record ContactsView(String minSeverity, List<ChannelView> channels) {}

    record TestResult(boolean sent, @Nullable String error) {}

    @GetMapping(PATH)
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    ResponseEntity<ContactsView> get(@PathVariable UUID groupId) {
        AlertRouting.Contacts contacts = routing.contactsOf(groupId);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new ContactsView(
                        contacts.minSeverity().name(),
                        contacts.channels().stream().map(ChannelView::of).toList()));
    }

    @PutMapping(PATH)
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    ResponseEntity<ContactsView> put(
            @PathVariable UUID groupId, @RequestBody ContactsRequest request, Authentication authentication) {
        UUID by = callers.of(authentication)
                .orElseThrow(ActionDeniedException::new)
                .accountId();
        List<AlertRouting.ContactSpec> specs = request.channels() == null
                ? List.of()
                : request.channels().stream()
                        .map(c -> new AlertRouting.ContactSpec(
                                c.id(), new AlertRouting.ChannelSpec(c.kind(), c.name(), c.target(), c.routingKey())))
                        .toList();
        List<UUID> before =
                routing.contactsOf(groupId).channels().stream().map(Channel::id).toList();
        AlertRouting.Contacts contacts = routing.replaceContacts(groupId, request.minSeverity(), specs, by);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new ContactsView(
                        contacts.minSeverity().name(),
                        contacts.channels().stream()
                                .map(c -> before.contains(c.id()) ? ChannelView.of(c) : ChannelView.made(c))
                                .toList()));
    }

    @PostMapping(PATH + "/{channelId}/test")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    ResponseEntity<TestResult> test(@PathVariable UUID groupId, @PathVariable UUID channelId) {
        Optional<Channel> channel = routing.contactChannel(groupId, channelId);
        if (channel.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Optional<String> error = routing.test(channel.get());
        return ResponseEntity.ok(new TestResult(error.isEmpty(), error.orElse(null)));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> refused(IllegalArgumentException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
