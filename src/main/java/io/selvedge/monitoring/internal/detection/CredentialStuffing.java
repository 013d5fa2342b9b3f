package io.selvedge.monitoring.internal.detection;

import io.selvedge.identity.SignInFailed;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Credential stuffing: one account's sign-ins failing on a password ({@link PasswordGuess}) from many different
 * addresses within the window. Raised for the account's managing group, else for each group it belongs to, so
 * that their admins see it; for the installation when it belongs to none.
 */
@Component("monitoring.credentialStuffing")
class CredentialStuffing extends Detection implements EventDetection {

    static final String NAME = "credential-stuffing";

    @ConfigurationProperties("selvedge.monitoring.detections.credential-stuffing")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") int addresses,
            @DefaultValue("15m") Duration window) {}

    private final Settings settings;
    private final Windows windows;
    private final AccountGroups groups;

    CredentialStuffing(Settings settings, Windows windows, AccountGroups groups, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
        this.groups = groups;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof SignInFailed failed)
                || !PasswordGuess.counts(failed)
                || failed.accountId() == null
                || failed.auditOrigin().address() == null) {
            return;
        }
        UUID account = failed.accountId();
        if (!windows.firstIn(NAME, account + "\n" + failed.auditOrigin().address(), settings.window())
                || !windows.over(NAME, account.toString(), settings.addresses(), settings.window())) {
            return;
        }
        String key = account + ":" + windows.windowStart(settings.window());
        Map<String, String> details =
                overLimit("account", account.toString(), "addresses", settings.addresses(), settings.window());
        Set<UUID> concerned = groups.concerning(account);
        if (concerned.isEmpty()) {
            signal(null, key, details);
        }
        for (UUID group : concerned) {
            signal(group, key, details);
        }
    }

    private void signal(@Nullable UUID group, String key, Map<String, String> details) {
        raise(
                AlertSeverity.CRITICAL,
                AlertCategory.SECURITY,
                group,
                key,
                "One account's sign-ins failing from many addresses",
                details);
    }
}
