package io.selvedge.collab;

import org.jspecify.annotations.Nullable;

/**
 * Where a comment is pinned: a point of the 3D model ({@code z} set) or of an image ({@code z} null).
 * Coordinates are finite and within ±{@value #BOUND}.
 */
public record Pin(double x, double y, @Nullable Double z) {

    public static final double BOUND = 1.0e6;

    public Pin {
        check(x);
        check(y);
        if (z != null) {
            check(z);
        }
    }

    private static void check(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > BOUND) {
            throw new io.selvedge.content.InvalidContentException(
                    "A pin's coordinates are finite numbers within ±" + (long) BOUND + ".");
        }
    }

    /** The image pin ({@code z} null) or the 3D pin. */
    public boolean image() {
        return z == null;
    }
}
