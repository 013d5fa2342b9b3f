package io.selvedge.monitoring.internal.detection;

import static io.selvedge.monitoring.internal.detection.Fixtures.wrongPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.monitoring.AlertSignal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialStuffingTest {

    private final Fixtures given = new Fixtures();
    private final UUID account = UUID.randomUUID();
    private final UUID managingGroup = UUID.randomUUID();

    private CredentialStuffing stuffing(AccountGroups groups) {
        return new CredentialStuffing(
                new CredentialStuffing.Settings(true, 5, Duration.ofMinutes(15)), given.windows, groups, given.alerts);
    }

    @Test
    void oneAccountFailingFromManyAddressesIsRaisedForTheGroupManagingIt() {
        CredentialStuffing stuffing = stuffing(id -> id.equals(account) ? Set.of(managingGroup) : Set.of());

        for (int i = 0; i < 20; i++) {
            stuffing.on(wrongPassword(account, "192.0.2." + i));
        }

        assertThat(given.alerts.open()).hasSize(1);
        assertThat(given.alerts.signals).extracting(AlertSignal::groupId).containsOnly(managingGroup);
        assertThat(given.alerts.last().details()).containsEntry("account", account.toString());
    }

    @Test
    void wrongOneTimeCodesFromManyAddressesAreCodeGuessingNotStuffing() {
        CredentialStuffing stuffing = stuffing(id -> Set.of(managingGroup));

        for (int i = 0; i < 20; i++) {
            stuffing.on(Fixtures.wrongCode(account, "192.0.2." + i));
        }

        assertThat(given.alerts.signals).isEmpty();
    }

    @Test
    void anAccountOfTwoGroupsIsRaisedForBothUnderOneKey() {
        UUID other = UUID.randomUUID();
        CredentialStuffing stuffing = stuffing(id -> Set.of(managingGroup, other));

        for (int i = 0; i < 6; i++) {
            stuffing.on(wrongPassword(account, "192.0.2." + i));
        }

        assertThat(given.alerts.signals)
                .extracting(AlertSignal::groupId)
                .containsExactlyInAnyOrder(managingGroup, other);
    }

    @Test
    void anAccountOfNoGroupIsRaisedForTheInstallation() {
        CredentialStuffing stuffing = stuffing(id -> Set.of());

        for (int i = 0; i < 6; i++) {
            stuffing.on(wrongPassword(account, "192.0.2." + i));
        }

        assertThat(given.alerts.signals)
                .singleElement()
                .extracting(AlertSignal::groupId)
                .isNull();
    }

    @Test
    void failuresFromAFewAddressesAreNotStuffing() {
        CredentialStuffing stuffing = stuffing(id -> Set.of(managingGroup));

        for (int i = 0; i < 50; i++) {
            stuffing.on(wrongPassword(account, "192.0.2." + (i % 3)));
        }

        assertThat(given.alerts.signals).isEmpty();
    }
}
