package io.selvedge.monitoring.internal.detection;

import io.selvedge.audit.AuditExported;
import io.selvedge.content.VersionDownloaded;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditableEvent;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Mass download or export: one account's downloads and exports within a window, and the bytes its downloads
 * sent, each against its own usual per window ({@link UsualRates}): more than {@code factor} times its usual,
 * and at least {@code minimum} downloads or {@code minimumBytes}. Bytes catch a few huge files (or one taken
 * in many ranges) that the count alone lets through.
 */
@Component("monitoring.massDownload")
class MassDownload extends Detection implements EventDetection {

    static final String NAME = "mass-download";

    @ConfigurationProperties("selvedge.monitoring.detections.mass-download")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("100") int minimum,
            @DefaultValue("5") double factor,
            @DefaultValue("1h") Duration window,
            @DefaultValue("20GB") DataSize minimumBytes) {}

    private final Settings settings;
    private final Windows windows;
    private final UsualRates rates;
    private final UsualRates bytes;

    MassDownload(Settings settings, Windows windows, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
        this.rates = new UsualRates(settings.window(), windows.clock());
        this.bytes = new UsualRates(settings.window(), windows.clock());
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof VersionDownloaded) && !(event instanceof AuditExported)) {
            return;
        }
        UUID account = accountOf(event.auditActor());
        if (account == null) {
            return;
        }
        UsualRates.Reading reading = rates.count(account.toString());
        UsualRates.Reading sent =
                bytes.add(account.toString(), event instanceof VersionDownloaded downloaded ? downloaded.bytes() : 0);
        boolean many = reading.count() > Math.max(settings.minimum(), settings.factor() * reading.usual());
        boolean large = sent.count() > Math.max(settings.minimumBytes().toBytes(), settings.factor() * sent.usual());
        if (many || large) {
            raise(
                    AlertSeverity.WARNING,
                    AlertCategory.SECURITY,
                    event.auditGroupId(),
                    account + ":" + windows.windowStart(settings.window()),
                    "One account downloading far more than it usually does",
                    Map.of(
                            "account", account.toString(),
                            "count", Long.toString(reading.count()),
                            "usual", String.format(java.util.Locale.ROOT, "%.1f", reading.usual()),
                            "bytes", Long.toString(sent.count()),
                            "usualBytes", String.format(java.util.Locale.ROOT, "%.0f", sent.usual()),
                            "window", settings.window().toString()));
        }
    }

    private static @Nullable UUID accountOf(AuditActor actor) {
        return actor.kind() == AuditActor.Kind.ACCOUNT ? actor.id() : null;
    }
}
