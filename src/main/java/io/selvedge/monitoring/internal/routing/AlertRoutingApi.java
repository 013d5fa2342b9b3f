package io.selvedge.monitoring.internal.routing;

import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/alert-routing}: the installation's teams, their channels and the rules from an alert's category
 * and severity (and group) to teams, for platform staff whose role allows {@link StaffAction#MANAGE_ALERT_ROUTING}.
 * A new webhook channel's signing secret is in the answer that made it, and never again; {@code POST
 * channels/{id}/test} sends a test message now.
 */
@RestController
@RequiredArgsConstructor
class AlertRoutingApi {

    static final String PATH = "/api/v1/alert-routing";
    private static final String STAFF = "platform staff whose role allows MANAGE_ALERT_ROUTING, checked by the handler";

    private final AlertRouting routing;
    private final Callers callers;

    record TeamRequest(@Nullable String slug, @Nullable String name) {}

    record ChannelRequest(
            @Nullable UUID teamId,
            @Nullable String kind,
            @Nullable String name,
            @Nullable String target,
            @Nullable String routingKey) {}

    record RuleRequest(
            @Nullable String category,
            @Nullable String minSeverity,
            @Nullable UUID groupId,
            @Nullable UUID teamId) {}

    record RuleView(
            UUID id,
            String category,
            String minSeverity,
            @Nullable UUID groupId,
            UUID teamId) {
        static RuleView of(Rule rule) {
            return new RuleView(
                    rule.id(), rule.category().name(), rule.minSeverity().name(), rule.groupId(), rule.teamId());
        }
    }

    record TestResult(boolean sent, @Nullable String error) {}

    @GetMapping(PATH + "/teams")
    @AnyCaller(STAFF)
    ResponseEntity<List<Team>> teams(Authentication authentication) {
        staff(authentication);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(routing.teams());
    }

    @PostMapping(PATH + "/teams")
    @AnyCaller(STAFF)
    ResponseEntity<Team> addTeam(@RequestBody TeamRequest request, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        Team team = routing.addTeam(request.slug(), request.name(), by);
        return ResponseEntity.created(URI.create(PATH + "/teams/" + team.id())).body(team);
    }

    @PutMapping(PATH + "/teams/{id}")
    @AnyCaller(STAFF)
    ResponseEntity<Team> renameTeam(
            @PathVariable UUID id, @RequestBody TeamRequest request, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        return ResponseEntity.of(routing.renameTeam(id, request.name(), by));
    }

    @DeleteMapping(PATH + "/teams/{id}")
    @AnyCaller(STAFF)
    ResponseEntity<Void> removeTeam(@PathVariable UUID id, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        return routing.removeTeam(id, by)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @GetMapping(PATH + "/channels")
    @AnyCaller(STAFF)
    ResponseEntity<List<ChannelView>> channels(Authentication authentication) {
        staff(authentication);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(routing.channels().stream().map(ChannelView::of).toList());
    }

    @PostMapping(PATH + "/channels")
    @AnyCaller(STAFF)
    ResponseEntity<ChannelView> addChannel(@RequestBody ChannelRequest request, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        if (request.teamId() == null) {
            throw new IllegalArgumentException("Give the id of the channel's team (teamId).");
        }
        Channel channel = routing.addChannel(
                request.teamId(),
                new AlertRouting.ChannelSpec(request.kind(), request.name(), request.target(), request.routingKey()),
                by);
        return ResponseEntity.created(URI.create(PATH + "/channels/" + channel.id()))
                .cacheControl(CacheControl.noStore())
                .body(ChannelView.made(channel));
    }

    @PutMapping(PATH + "/channels/{id}")
    @AnyCaller(STAFF)
    ResponseEntity<ChannelView> changeChannel(
            @PathVariable UUID id, @RequestBody ChannelRequest request, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        return ResponseEntity.of(
                routing.changeChannel(id, request.name(), request.target(), by).map(ChannelView::of));
    }

    @DeleteMapping(PATH + "/channels/{id}")
    @AnyCaller(STAFF)
    ResponseEntity<Void> removeChannel(@PathVariable UUID id, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        return routing.removeChannel(id, by)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping(PATH + "/channels/{id}/test")
    @AnyCaller(STAFF)
    ResponseEntity<TestResult> test(@PathVariable UUID id, Authentication authentication) {
        staff(authentication);
        Optional<Channel> channel = routing.channel(id);
        if (channel.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Optional<String> error = routing.test(channel.get());
        return ResponseEntity.ok(new TestResult(error.isEmpty(), error.orElse(null)));
    }

    @GetMapping(PATH + "/rules")
    @AnyCaller(STAFF)
    ResponseEntity<List<RuleView>> rules(Authentication authentication) {
        staff(authentication);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(routing.rules().stream().map(RuleView::of).toList());
    }

    @PostMapping(PATH + "/rules")
    @AnyCaller(STAFF)
    ResponseEntity<RuleView> addRule(@RequestBody RuleRequest request, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        Rule rule = routing.addRule(request.category(), request.minSeverity(), request.groupId(), request.teamId(), by);
        return ResponseEntity.created(URI.create(PATH + "/rules/" + rule.id())).body(RuleView.of(rule));
    }

    @PutMapping(PATH + "/rules/{id}")
    @AnyCaller(STAFF)
    ResponseEntity<RuleView> changeRule(
            @PathVariable UUID id, @RequestBody RuleRequest request, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        return ResponseEntity.of(routing.changeRule(
                        id, request.category(), request.minSeverity(), request.groupId(), request.teamId(), by)
                .map(RuleView::of));
    }

    @DeleteMapping(PATH + "/rules/{id}")
    @AnyCaller(STAFF)
    ResponseEntity<Void> removeRule(@PathVariable UUID id, Authentication authentication) {
        UUID by = staff(authentication).accountId();
        return routing.removeRule(id, by)
                ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    private Caller staff(Authentication authentication) {
        return StaffAction.MANAGE_ALERT_ROUTING.requireStaff(callers, authentication);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> refused(IllegalArgumentException e, HttpServletRequest request) {
        return Problems.respond(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }
}
