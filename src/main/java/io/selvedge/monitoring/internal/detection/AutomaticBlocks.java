package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.protection.BlockAdded;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Automatic blocks: protection blocked a client by itself (too many 429s, 404s, or failed sign-ins of different
 * accounts). One alert per client and window; more than {@code storm} blocks of any clients within the window
 * also raise one installation-wide alert (an attack from many addresses).
 */
@Component("monitoring.automaticBlocks")
class AutomaticBlocks extends Detection implements EventDetection {

    static final String NAME = "automatic-blocks";

    @ConfigurationProperties("selvedge.monitoring.detections.automatic-blocks")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") int storm,
            @DefaultValue("10m") Duration window) {}

    private final Settings settings;
    private final Windows windows;

    AutomaticBlocks(Settings settings, Windows windows, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof BlockAdded added) || added.byAccount() != null) {
            return; // staff's own blocks need no alert
        }
        String window = windows.windowStart(settings.window()).toString();
        raise(
                AlertSeverity.WARNING,
                AlertCategory.NETWORK,
                null,
                added.blockId() + ":" + window,
                "A client was blocked automatically",
                Map.of("block", added.blockId(), "trigger", added.reason(), "step", Integer.toString(added.level())));
        if (windows.over(NAME, "all", settings.storm(), settings.window())) {
            raise(
                    AlertSeverity.CRITICAL,
                    AlertCategory.NETWORK,
                    null,
                    "storm:" + window,
                    "Many clients blocked automatically",
                    Map.of(
                            "blocks",
                            "more than " + settings.storm(),
                            "window",
                            settings.window().toString()));
        }
    }
}
