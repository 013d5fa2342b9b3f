package io.selvedge.monitoring.internal.detection;

import io.selvedge.identity.TokenUsedFromNewAddress;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/** An API token used from an address it was never used from (identity publishes the event). */
@Component("monitoring.tokenFromNewAddress")
class TokenFromNewAddress extends Detection implements EventDetection {

    static final String NAME = "token-new-address";

    @ConfigurationProperties("selvedge.monitoring.detections.token-new-address")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("WARNING") AlertSeverity severity) {}

    private final Settings settings;

    TokenFromNewAddress(Settings settings, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof TokenUsedFromNewAddress used)) {
            return;
        }
        String address = Objects.requireNonNullElse(used.auditOrigin().address(), "unknown");
        raise(
                settings.severity(),
                AlertCategory.SECURITY,
                null,
                used.tokenId() + ":" + address,
                "An API token was used from a new address",
                Map.of(
                        "account",
                        used.accountId().toString(),
                        "token",
                        used.tokenId().toString(),
                        "address",
                        address));
    }
}
