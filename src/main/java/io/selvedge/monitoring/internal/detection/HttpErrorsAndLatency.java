package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Error rate and latency of the requests served ({@code http.server.requests}) between two evaluations, once
 * at least {@code minimumRequests} came: server errors (5xx) above {@code errorPercent} of them ({@code
 * error-rate}), or a mean time above {@code meanLatency} ({@code latency}).
 */
@Component("monitoring.httpErrorsAndLatency")
class HttpErrorsAndLatency extends Detection implements MetricDetection {

    static final String NAME = "http-errors-latency";
    static final String ERROR_RATE = "error-rate";
    static final String LATENCY = "latency";
    static final String METER = "http.server.requests";
    /** The detections it raises, each with its runbook. */
    static final List<String> RAISES = List.of(ERROR_RATE, LATENCY);

    private static final Duration WINDOW = Duration.ofHours(1);

    @ConfigurationProperties("selvedge.monitoring.detections.http-errors-latency")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("20") int minimumRequests,
            @DefaultValue("5") double errorPercent,
            @DefaultValue("2s") Duration meanLatency) {}

    private final Settings settings;
    private final Meters meters;
    private final Clock clock;
    private final Increase requests = new Increase();
    private final Increase errors = new Increase();
    private final Increase millis = new Increase();

    HttpErrorsAndLatency(Settings settings, Meters meters, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void evaluate() {
        double served = requests.of(meters.sum(METER));
        double failed = errors.of(meters.sum(METER, meter -> Meters.tagged(meter, "outcome", "SERVER_ERROR")));
        double spent = millis.of(meters.totalMillis(METER, meter -> true));
        if (served < settings.minimumRequests()) {
            return;
        }
        String hour = windowStart(clock, WINDOW).toString();
        double percent = 100 * failed / served;
        if (percent > settings.errorPercent()) {
            raiseAs(
                    ERROR_RATE,
                    AlertSeverity.CRITICAL,
                    AlertCategory.NETWORK,
                    null,
                    hour,
                    "Many requests failing with server errors",
                    Map.of(
                            "errors", String.format(Locale.ROOT, "%.1f%%", percent),
                            "requests", whole(served)));
        }
        double mean = spent / served;
        if (mean > settings.meanLatency().toMillis()) {
            raiseAs(
                    LATENCY,
                    AlertSeverity.WARNING,
                    AlertCategory.NETWORK,
                    null,
                    hour,
                    "Requests are slow",
                    Map.of("mean", Math.round(mean) + " ms", "requests", whole(served)));
        }
    }
}
