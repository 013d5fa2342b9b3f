package io.selvedge.web.admin;

/** Byte counts in words a person reads: 1.5 GB, 320 KB (powers of 1024, as the quota is configured). */
final class Sizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private Sizes() {}

    static String inWords(long bytes) {
        double size = bytes;
        int unit = 0;
        while (size >= 1024 && unit < UNITS.length - 1) {
            size /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", size, UNITS[unit]);
    }
}
