package io.selvedge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.access.Invitations.FirstAdminInvitation;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditTrail;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.Groups;
import io.selvedge.testing.Customers;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The first run of a new installation: a platform admin creates a customer's group holding no role in it,
 * and invites its first admin; nobody else may, and once the group has an admin its admins invite.
 */
@SelvedgeIntegrationTest
class FirstRunIT {

    @Autowired
    Groups groups;

    @Autowired
    Invitations invitations;

    @Autowired
    Grants grants;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail trail;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPlatformAdminStartsAGroupWithNoRoleInItAndItsInvitationMakesTheFirstAdmin() throws Exception {
        UUID staff = actAs(account("PLATFORM_ADMIN"), "STAFF_PLATFORM_ADMIN");
        Group group = groups.createForCustomer("Maison First Run", "eu", staff);
        assertThat(grants.grantsIn(group.id())).isEmpty();

        FirstAdminInvitation invited = invitations.inviteFirstAdmin(group.id(), "first@example.com");
        assertThat(invited.invitation().role()).isEqualTo(Role.GROUP_ADMIN);
        assertThat(invited.invitation().nodeId()).isEqualTo(group.id());
        String token = invited.link().substring(invited.link().lastIndexOf('/') + 1);
        assertThat(invitations.pending(token)).isPresent();
        assertThat(platformTrailHas("group.first-admin-invited", staff, group.id()))
                .as("staff's act is on the platform trail")
                .isTrue();

        SecurityContextHolder.clearContext();
        Invitations.Accepted accepted = invitations.acceptAsNewAccount(
                token, "first-" + UUID.randomUUID().toString().substring(0, 8), "twill woven left hand", null);
        assertThat(grants.grantsIn(group.id())).singleElement().satisfies(grant -> {
            assertThat(grant.accountId()).isEqualTo(accepted.accountId());
            assertThat(grant.role()).isEqualTo(Role.GROUP_ADMIN);
        });
        assertThat(grants.grantsOf(staff)).isEmpty();

        // The group has its admin now: staff may not invite another.
        actAs(staff, "STAFF_PLATFORM_ADMIN");
        assertThatThrownBy(() -> invitations.inviteFirstAdmin(group.id(), "second@example.com"))
                .isInstanceOf(GrantRefusedException.class);
    }

    @Test
    void aStaffLinkStopsWorkingOnceTheGroupHasAnAdmin() {
        UUID staff = actAs(account("PLATFORM_ADMIN"), "STAFF_PLATFORM_ADMIN");
        Group group = groups.createForCustomer("Maison Two Links", "eu", staff);
        String first = token(invitations.inviteFirstAdmin(group.id(), "one@example.com"));
        String second = token(invitations.inviteFirstAdmin(group.id(), "two@example.com"));
        SecurityContextHolder.clearContext();

        invitations.acceptAsNewAccount(
                first, "one-" + UUID.randomUUID().toString().substring(0, 8), "twill woven left hand", null);

        assertThat(invitations.pending(second)).isEmpty();
    }

    @Test
    void otherStaffAndCustomersMayNotInviteAGroupsFirstAdmin() {
        UUID staff = actAs(account("PLATFORM_ADMIN"), "STAFF_PLATFORM_ADMIN");
        Group group = groups.createForCustomer("Maison Refusals", "eu", staff);

        actAs(account("SUPPORT"), "STAFF_SUPPORT");
        assertThatThrownBy(() -> invitations.inviteFirstAdmin(group.id(), "x@example.com"))
                .isInstanceOf(ActionDeniedException.class);
        actAs(account(null));
        assertThatThrownBy(() -> invitations.inviteFirstAdmin(group.id(), "x@example.com"))
                .isInstanceOf(ActionDeniedException.class);
        // A customer's own group has its creator as admin: a platform admin cannot add another through here.
        UUID customer = account(null);
        Group own = groups.create("Maison Own", "eu", customer);
        actAs(staff, "STAFF_PLATFORM_ADMIN");
        assertThatThrownBy(() -> invitations.inviteFirstAdmin(own.id(), "x@example.com"))
                .isInstanceOf(GrantRefusedException.class);
    }

    /** Whether the platform trail gets the entry within a minute (its listener runs after the commit). */
    private boolean platformTrailHas(String action, UUID actor, UUID target) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            boolean found = trail.find(null, AuditFilter.all(), AuditTrail.LONGEST_PAGE, null).entries().stream()
                    .anyMatch(e -> e.action().equals(action)
                            && actor.toString().equals(e.actorId())
                            && target.toString().equals(e.targetId()));
            if (found) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String token(FirstAdminInvitation invited) {
        return invited.link().substring(invited.link().lastIndexOf('/') + 1);
    }

    private UUID account(@Nullable String staffRole) {
        UUID id = UUID.randomUUID();
        Customers.signingIn(jdbc, id, "first-run-" + id.toString().substring(0, 8), "x", staffRole);
        return id;
    }

    private UUID actAs(UUID account, String... authorities) {
        String username = jdbc.queryForObject("select username from account where id = ?", String.class, account);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        username,
                        null,
                        List.of(authorities).stream()
                                .map(SimpleGrantedAuthority::new)
                                .toList()));
        return account;
    }
}
