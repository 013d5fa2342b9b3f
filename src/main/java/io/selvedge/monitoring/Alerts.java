package io.selvedge.monitoring;

/** Where detections send what they saw: opens an alert, or folds the signal into the open one with its key. */
public interface Alerts {

    void raise(AlertSignal signal);
}
