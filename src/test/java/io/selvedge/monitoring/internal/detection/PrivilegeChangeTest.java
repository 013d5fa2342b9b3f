package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.access.Level;
import io.selvedge.access.MemberMfaReset;
import io.selvedge.access.Role;
import io.selvedge.access.RoleGranted;
import io.selvedge.access.SecurityPolicyChanged;
import io.selvedge.identity.MfaReset;
import io.selvedge.platform.AuditActor;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PrivilegeChangeTest {

    private final Fixtures given = new Fixtures();
    private final PrivilegeChange detection = new PrivilegeChange(new PrivilegeChange.Settings(true), given.alerts);
    private final UUID group = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();

    private RoleGranted granted(Role role) {
        UUID account = UUID.randomUUID();
        return new RoleGranted(
                group,
                group,
                Level.GROUP,
                account,
                role,
                true,
                true,
                admin,
                AuditActor.account(admin),
                Fixtures.from("192.0.2.1"));
    }

    private SecurityPolicyChanged policy(long version, boolean mfa, int allowList, List<String> weakened) {
        return new SecurityPolicyChanged(
                group,
                AuditActor.account(admin),
                version,
                mfa,
                900L,
                43_200L,
                true,
                allowList,
                false,
                weakened,
                false,
                Fixtures.from("192.0.2.1"));
    }

    @Test
    void aGroupAdminGrantedIsRaisedForTheGroup() {
        detection.on(granted(Role.GROUP_ADMIN));
        detection.on(granted(Role.VIEWER));

        assertThat(given.alerts.signals).singleElement().satisfies(signal -> {
            assertThat(signal.groupId()).isEqualTo(group);
            assertThat(signal.summary()).isEqualTo("A group admin was granted");
        });
    }

    @Test
    void aPolicyChangeThatWeakensThePolicyItReplacedIsRaisedOnAnyNodeAndOneThatTightensIsNot() {
        detection.on(policy(2, true, 2, List.of()));
        assertThat(given.alerts.signals).isEmpty();

        // A node that never saw version 2: the event itself says what version 3 loosened.
        PrivilegeChange elsewhere = new PrivilegeChange(new PrivilegeChange.Settings(true), given.alerts);
        elsewhere.on(policy(3, false, 0, List.of("MFA no longer required", "address allow-list removed")));

        assertThat(given.alerts.signals)
                .singleElement()
                .satisfies(signal -> assertThat(signal.details())
                        .containsEntry("changes", "MFA no longer required, address allow-list removed"));
    }

    @Test
    void mfaResetsByAGroupAdminAndByStaffAreRaised() {
        UUID member = UUID.randomUUID();
        detection.on(new MemberMfaReset(group, member, AuditActor.account(admin), Fixtures.from("192.0.2.1")));
        detection.on(new MfaReset(member, AuditActor.account(admin), Fixtures.from("192.0.2.1")));

        assertThat(given.alerts.signals).hasSize(2);
        assertThat(given.alerts.signals.get(0).groupId()).isEqualTo(group);
        assertThat(given.alerts.signals.get(1).groupId()).isNull();
    }
}
