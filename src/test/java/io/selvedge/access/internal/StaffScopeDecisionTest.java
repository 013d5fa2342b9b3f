package io.selvedge.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessScope;
import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Grant;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ResourcePath;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A staff member's decisions under an access request, with a clock the test moves: nothing before it is
 * approved, exactly its scope on its node and below while it is open, nothing once it has expired.
 */
class StaffScopeDecisionTest {

    final MovableClock clock = new MovableClock();
    final UUID group = UUID.randomUUID();
    final Map<UUID, ResourcePath> paths = new HashMap<>();
    final Caller staff = new Caller(UUID.randomUUID(), true);

    @Nullable
    AccessRequest request;

    {
        paths.put(group, ResourcePath.ofGroup(group));
    }

    final UUID company = node(group, Level.COMPANY);
    final UUID brand = node(company, Level.BRAND);
    final UUID season = node(brand, Level.SEASON);
    final UUID otherSeason = node(brand, Level.SEASON);
    final UUID workroom = node(season, Level.WORKROOM);
    final UUID style = node(workroom, Level.STYLE);

    final DecisionPoint decisions = new DecisionPoint(
            List.of(id -> Optional.ofNullable(paths.get(id))),
            new GrantSource() {
                @Override
                public long version(UUID groupId) {
                    return 1;
                }

                @Override
                public Map<UUID, Grant> grantsOf(UUID groupId, UUID accountId) {
                    return Map.of();
                }
            },
            new Callers() {
                @Override
                public Optional<Caller> of(@Nullable Authentication authentication) {
                    return Optional.of(staff);
                }

                @Override
                public Optional<Caller> byId(UUID accountId) {
                    return Optional.empty();
                }

                @Override
                public Optional<Caller> current() {
                    return Optional.of(staff);
                }
            },
            event -> {},
            TransactionOperations.withoutTransaction(),
            AddressPolicy.ANY,
            OutsiderPolicy.NONE,
            (groupId, accountId) -> Optional.ofNullable(request)
                    .filter(open ->
                            open.groupId().equals(groupId) && open.requesterId().equals(accountId))
                    .filter(open -> open.openAt(clock.instant())));

    @Test
    void contentReadOnlyHoldsOnItsNodeAndBelowUntilItExpires() {
        assertThatThrownBy(() -> decisions.require(Action.VIEW, season)).isInstanceOf(NotVisibleException.class);

        approved(AccessScope.CONTENT_READ_ONLY, season, Duration.ofHours(2));
        decisions.require(Action.VIEW, season);
        decisions.require(Action.VIEW, workroom);
        decisions.require(Action.DOWNLOAD, style);
        decisions.require(Action.VIEW_GROUP, group);
        assertThat(decisions.allowed(style)).containsExactlyInAnyOrder(Action.VIEW, Action.DOWNLOAD);
        assertThatThrownBy(() -> decisions.require(Action.UPLOAD, workroom)).isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> decisions.require(Action.VIEW, brand)).isInstanceOf(NotVisibleException.class);
        assertThatThrownBy(() -> decisions.require(Action.VIEW, otherSeason)).isInstanceOf(NotVisibleException.class);
        assertThatThrownBy(() -> decisions.require(Action.READ_AUDIT, group)).isInstanceOf(ActionDeniedException.class);
        assertThat(decisions
                        .childrenAllowing(Action.VIEW, season, Level.WORKROOM)
                        .test(workroom))
                .isTrue();
        assertThat(decisions.childrenAllowing(Action.VIEW, brand, Level.SEASON).test(season))
                .isTrue();
        assertThat(decisions.childrenAllowing(Action.VIEW, brand, Level.SEASON).test(otherSeason))
                .isFalse();

        clock.advance(Duration.ofHours(2).minusMillis(1));
        decisions.require(Action.VIEW, workroom);
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> decisions.require(Action.VIEW, workroom)).isInstanceOf(NotVisibleException.class);
        assertThatThrownBy(() -> decisions.require(Action.VIEW_GROUP, group)).isInstanceOf(NotVisibleException.class);
    }

    @Test
    void theAdminConsoleReadOnlyReadsTheGroupButNoContentAndDecidesNothing() {
        approved(AccessScope.ADMIN_CONSOLE_READ_ONLY, group, Duration.ofHours(8));
        decisions.require(Action.READ_AUDIT, group);
        decisions.require(Action.SEE_GROUP_MEMBERS, group);
        decisions.require(Action.SEE_BRAND_MEMBERS, season);
        assertThatThrownBy(() -> decisions.require(Action.DECIDE_ACCESS_REQUESTS, group))
                .isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> decisions.require(Action.CHANGE_SECURITY_POLICY, group))
                .isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> decisions.require(Action.VIEW, workroom)).isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> decisions.require(Action.DOWNLOAD, style)).isInstanceOf(NotVisibleException.class);

        clock.advance(Duration.ofHours(8));
        assertThatThrownBy(() -> decisions.require(Action.READ_AUDIT, group)).isInstanceOf(NotVisibleException.class);
    }

    private void approved(AccessScope scope, UUID node, Duration duration) {
        Instant now = clock.instant();
        request = new AccessRequest(
                UUID.randomUUID(),
                group,
                staff.accountId(),
                scope,
                node,
                "why",
                "T-1",
                duration,
                AccessRequest.Status.APPROVED,
                now,
                UUID.randomUUID(),
                now,
                now.plus(duration),
                null,
                null,
                AccessRequest.Kind.REQUEST,
                null);
    }

    private UUID node(UUID parent, Level level) {
        UUID id = UUID.randomUUID();
        paths.put(id, paths.get(parent).child(id, level, false));
        return id;
    }
}
