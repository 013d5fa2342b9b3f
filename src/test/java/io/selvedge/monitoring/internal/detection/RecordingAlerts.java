package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.Alerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Alerts as the store folds them, kept in a list: every signal, and the open alerts (distinct dedup keys). */
final class RecordingAlerts implements Alerts {

    final List<AlertSignal> signals = new ArrayList<>();

    @Override
    public synchronized void raise(AlertSignal signal) {
        signals.add(signal);
    }

    /** The alerts open after folding: one per dedup key. */
    Set<String> open() {
        Set<String> keys = new TreeSet<>();
        signals.forEach(signal -> keys.add(signal.dedupKey()));
        return keys;
    }

    AlertSignal last() {
        return signals.get(signals.size() - 1);
    }
}
