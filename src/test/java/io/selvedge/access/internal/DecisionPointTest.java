package io.selvedge.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.access.AccessDenied;
import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Grant;
import io.selvedge.access.Level;
import io.selvedge.access.NotVisibleException;
import io.selvedge.access.ResourcePath;
import io.selvedge.access.Role;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionOperations;

/** Decisions over an in-memory tree and grants: the path adds up, the version keeps the caches honest. */
class DecisionPointTest {

    final UUID group = UUID.randomUUID();
    final Map<UUID, ResourcePath> paths = new HashMap<>();
    final Map<UUID, Map<UUID, Grant>> grants = new HashMap<>();
    final long[] version = {1};
    final List<Object> events = new ArrayList<>();
    Caller caller = new Caller(UUID.randomUUID(), false);

    final ResourcePath root = ResourcePath.ofGroup(group);

    {
        paths.put(group, root);
    }

    final UUID company = node(root, Level.COMPANY);
    final UUID brand = node(paths.get(company), Level.BRAND);
    final UUID otherBrand = node(paths.get(company), Level.BRAND);
    final UUID season = node(paths.get(brand), Level.SEASON);
    final UUID otherSeason = node(paths.get(otherBrand), Level.SEASON);
    final UUID workroom = node(paths.get(season), Level.WORKROOM);

    final DecisionPoint decisions = new DecisionPoint(
            List.of(id -> Optional.ofNullable(paths.get(id))),
            new GrantSource() {
                @Override
                public long version(UUID groupId) {
                    return version[0];
                }

                @Override
                public Map<UUID, Grant> grantsOf(UUID groupId, UUID accountId) {
                    return grants.getOrDefault(accountId, Map.of());
                }
            },
            new Callers() {
                @Override
                public Optional<Caller> of(@Nullable Authentication authentication) {
                    return Optional.ofNullable(caller);
                }

                @Override
                public Optional<Caller> byId(UUID accountId) {
                    return Optional.empty();
                }

                @Override
                public Optional<Caller> current() {
                    return Optional.ofNullable(caller);
                }
            },
            events::add,
            TransactionOperations.withoutTransaction());

    @Test
    void aRoleHoldsBelowItsNodeAndNotAboveOrBeside() {
        grant(brand, Role.BRAND_COLLABORATOR, false);

        assertThat(decisions.allows(Action.MANAGE_WORKROOMS, season)).isTrue();
        assertThat(decisions.allows(Action.VIEW, workroom)).isTrue();
        assertThat(decisions.allows(Action.VIEW, company)).isFalse();
        assertThat(decisions.allows(Action.VIEW, otherSeason)).isFalse();
        assertThat(decisions.allowed(group)).containsExactly(Action.VIEW_GROUP);
    }

    @Test
    void unseenIs404AndSeenButRefusedIs403WithAnEventEachTime() {
        grant(brand, Role.BRAND_COLLABORATOR, false);

        assertThatThrownBy(() -> decisions.require(Action.MANAGE_SEASONS, brand))
                .isInstanceOf(ActionDeniedException.class);
        assertThatThrownBy(() -> decisions.require(Action.MANAGE_BRANDS, company))
                .isInstanceOf(NotVisibleException.class);
        assertThatThrownBy(() -> decisions.require(Action.VIEW, UUID.randomUUID()))
                .isInstanceOf(NotVisibleException.class);
        decisions.require(Action.MANAGE_WORKROOMS, workroom);

        assertThat(events)
                .extracting(e -> ((AccessDenied) e).status())
                .containsExactly(403, 404); // the unknown id is no group's event
    }

    @Test
    void anActionOnAnotherLevelIsNotFound() {
        grant(group, Role.GROUP_ADMIN, false);

        assertThatThrownBy(() -> decisions.require(Action.MANAGE_BRANDS, group))
                .isInstanceOf(NotVisibleException.class);
        decisions.require(Action.MANAGE_BRANDS, company);
    }

    @Test
    void rolesOnThePathAddUpAndAViewerDownloadsOnlyWithTheFlag() {
        UUID style = node(paths.get(workroom), Level.STYLE);
        grant(workroom, Role.VIEWER, false);
        assertThat(decisions.allows(Action.DOWNLOAD, style)).isFalse();
        assertThat(decisions.allows(Action.COMMENT, style)).isTrue();

        grant(workroom, Role.VIEWER, true);
        assertThat(decisions.allows(Action.DOWNLOAD, style)).isTrue();
        assertThat(decisions.allows(Action.APPROVE, style)).isFalse();

        grant(brand, Role.BRAND_COLLABORATOR, false);
        assertThat(decisions.allows(Action.APPROVE, style)).isTrue();
    }

    @Test
    void staffAndUnknownCallersMayDoNothing() {
        grant(group, Role.GROUP_ADMIN, false);
        caller = new Caller(caller.accountId(), true);
        assertThat(decisions.allowed(workroom)).isEmpty();
        caller = null;
        assertThat(decisions.allowed(workroom)).isEmpty();
    }

    @Test
    void aCachedPathOrGrantIsUsedOnlyWhileTheVersionHolds() {
        grant(brand, Role.BRAND_ADMIN, false);
        assertThat(decisions.allows(Action.MANAGE_WORKROOMS, workroom)).isTrue();

        // The season moves to the other brand: without a new version the cached path would still say brand.
        moveSeason();
        version[0]++;
        assertThat(decisions.allows(Action.MANAGE_WORKROOMS, workroom)).isFalse();

        grant(otherBrand, Role.BRAND_ADMIN, false);
        assertThat(decisions.allows(Action.MANAGE_WORKROOMS, workroom)).isTrue();
        grants.get(caller.accountId()).clear();
        version[0]++;
        assertThat(decisions.allows(Action.VIEW, workroom)).isFalse();
    }

    private void moveSeason() {
        ResourcePath moved = paths.get(otherBrand).child(season, Level.SEASON, false);
        paths.put(season, moved);
        paths.put(workroom, moved.child(workroom, Level.WORKROOM, false));
    }

    private UUID node(ResourcePath parent, Level level) {
        UUID id = UUID.randomUUID();
        paths.put(id, parent.child(id, level, false));
        return id;
    }

    /** A grant of the caller, with a new version (as the grant service bumps it). */
    private void grant(UUID node, Role role, boolean download) {
        grants.computeIfAbsent(caller.accountId(), a -> new HashMap<>())
                .put(node, new Grant(group, node, caller.accountId(), role, download, false, null, Instant.now()));
        version[0]++;
    }
}
