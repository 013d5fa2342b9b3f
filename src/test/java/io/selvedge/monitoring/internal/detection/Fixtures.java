package io.selvedge.monitoring.internal.detection;

import io.selvedge.identity.SignInFailed;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.protection.Buckets;
import io.selvedge.testing.MovableClock;
import java.util.UUID;

/** What every detection test starts from: a clock that moves when told, in-memory buckets, recorded alerts. */
final class Fixtures {

    final MovableClock clock = new MovableClock();
    final Windows windows = new Windows(Buckets.inMemory(clock), clock);
    final RecordingAlerts alerts = new RecordingAlerts();

    static RequestOrigin from(String address) {
        return new RequestOrigin(UUID.randomUUID().toString(), address, "test");
    }

    static SignInFailed wrongPassword(UUID account, String address) {
        return new SignInFailed(account, "password", "wrong-password", from(address));
    }

    static SignInFailed wrongCode(UUID account, String address) {
        return new SignInFailed(account, "one-time-code", "wrong-code", from(address));
    }
}
