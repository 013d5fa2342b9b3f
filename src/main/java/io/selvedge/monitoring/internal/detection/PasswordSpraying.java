package io.selvedge.monitoring.internal.detection;

import io.selvedge.identity.SignInFailed;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Password spraying: sign-ins of many different accounts failing from one address within the window, on a password
 * ({@link PasswordGuess}).
 */
@Component("monitoring.passwordSpraying")
class PasswordSpraying extends Detection implements EventDetection {

    static final String NAME = "password-spraying";

    @ConfigurationProperties("selvedge.monitoring.detections.password-spraying")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") int accounts,
            @DefaultValue("10m") Duration window) {}

    private final Settings settings;
    private final Windows windows;

    PasswordSpraying(Settings settings, Windows windows, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof SignInFailed failed)
                || !PasswordGuess.counts(failed)
                || failed.auditOrigin().address() == null) {
            return;
        }
        String address = failed.auditOrigin().address();
        // an unknown username has no id: each such failure counts as another account
        String account = failed.accountId() != null
                ? failed.accountId().toString()
                : "unknown:" + failed.auditOrigin().requestId() + ":" + System.nanoTime();
        if (!windows.firstIn(NAME, address + "\n" + account, settings.window())) {
            return;
        }
        if (windows.over(NAME, address, settings.accounts(), settings.window())) {
            raise(
                    AlertSeverity.CRITICAL,
                    AlertCategory.SECURITY,
                    null,
                    address + ":" + windows.windowStart(settings.window()),
                    "Sign-ins of many accounts failing from one address",
                    overLimit("address", address, "accounts", settings.accounts(), settings.window()));
        }
    }
}
