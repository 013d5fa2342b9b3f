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

/** MFA code guessing: wrong one-time codes for one account (whose password was right) within the window. */
@Component("monitoring.mfaCodeGuessing")
class MfaCodeGuessing extends Detection implements EventDetection {

    static final String NAME = "mfa-code-guessing";

    @ConfigurationProperties("selvedge.monitoring.detections.mfa-code-guessing")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int codes,
            @DefaultValue("10m") Duration window) {}

    private final Settings settings;
    private final Windows windows;

    MfaCodeGuessing(Settings settings, Windows windows, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof SignInFailed failed)
                || failed.accountId() == null
                || !failed.factor().equals("one-time-code")
                || !failed.reason().equals("wrong-code")) {
            return;
        }
        String account = failed.accountId().toString();
        if (windows.over(NAME, account, settings.codes(), settings.window())) {
            raise(
                    AlertSeverity.CRITICAL,
                    AlertCategory.SECURITY,
                    null,
                    account + ":" + windows.windowStart(settings.window()),
                    "Wrong one-time codes for one account, its password known",
                    overLimit("account", account, "codes", settings.codes(), settings.window()));
        }
    }
}
