package io.selvedge.monitoring.internal.detection;

import io.selvedge.platform.EveryNode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Evaluates the metric and health detections, every {@code selvedge.monitoring.evaluate-every} (30 s). */
@Component("monitoring.metricEvaluator")
class MetricEvaluator {

    private static final Logger log = LoggerFactory.getLogger(MetricEvaluator.class);

    private final List<MetricDetection> detections;

    MetricEvaluator(List<MetricDetection> detections) {
        this.detections = detections.stream().filter(MetricDetection::enabled).toList();
    }

    @EveryNode("reads this node's own meters and health; repeats from several nodes fold into one alert")
    @Scheduled(
            fixedDelayString = "${selvedge.monitoring.evaluate-every:30s}",
            initialDelayString = "${selvedge.monitoring.evaluate-every:30s}")
    void evaluate() {
        for (MetricDetection detection : detections) {
            try {
                detection.evaluate();
            } catch (RuntimeException e) {
                log.warn("Detection {} could not be evaluated: {}", detection.name(), e.toString());
            }
        }
    }
}
