package io.selvedge.monitoring.internal.detection;

/** How much a cumulative count grew since the last evaluation (none at the first, nor after a reset). */
final class Increase {

    private double last = Double.NaN;

    synchronized double of(double now) {
        double before = last;
        last = now;
        return Double.isNaN(before) || now < before ? 0 : now - before;
    }
}
