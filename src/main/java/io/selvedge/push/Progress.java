package io.selvedge.push;

import java.io.PrintStream;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * What the person at the terminal sees: on a console, one line per file redrawn as a bar; otherwise (a
 * log, a pipe) plain lines at each quarter. Bytes handed to the connection move the bar; the offset the
 * server acknowledged is the truth it comes back to.
 */
@RequiredArgsConstructor
final class Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean console;
    private String name = "";
    private long length;
    private long position;
    private long acknowledged;
    private int quartersShown;
    private long lastDrawn;
    private boolean active;

    synchronized void start(String file, long bytes, long offset) {
        name = file;
        length = bytes;
        position = offset;
        acknowledged = offset;
        quartersShown = 0;
        active = true;
        if (!console) {
            out.println(name + ": pushing " + mib(length));
        }
        draw(true);
    }

    synchronized void sent(long bytes) {
        position += bytes;
        draw(false);
    }

    synchronized void at(long offset) {
        acknowledged = offset;
        position = offset;
        draw(true);
    }

    synchronized void resumed(long offset) {
        at(offset);
        line(name + ": resuming at " + mib(offset) + " of " + mib(length));
    }

    synchronized void waiting(int attempt, long millis) {
        line(name + ": connection lost or server busy; attempt " + attempt + ", retrying in "
                + String.format(Locale.ROOT, "%.1f", millis / 1000.0) + " s");
    }

    synchronized void done(UUID version) {
        position = length;
        draw(true);
        active = false;
        if (console) {
            out.print("\r\033[K");
        }
        out.println(name + ": pushed as version " + version);
    }

    synchronized void failed(String file, String why) {
        active = false;
        line(file + ": not pushed: " + why);
    }

    synchronized void note(String text) {
        line(text);
    }

    private void line(String text) {
        if (console) {
            out.print("\r\033[K");
        }
        out.println(text);
        draw(true);
    }

    private void draw(boolean now) {
        if (!active) {
            return;
        }
        if (!console) {
            int quarters = length == 0 ? 4 : (int) (4 * acknowledged / length);
            if (quarters > quartersShown && quarters < 4) {
                quartersShown = quarters;
                out.println(name + ": " + (25 * quarters) + "% (" + mib(acknowledged) + " of " + mib(length) + ")");
            }
            return;
        }
        long millis = System.nanoTime() / 1_000_000;
        if (!now && millis - lastDrawn < 100) {
            return;
        }
        lastDrawn = millis;
        long shown = Math.min(position, length);
        int filled = length == 0 ? WIDTH : (int) (WIDTH * shown / length);
        int percent = length == 0 ? 100 : (int) (100 * shown / length);
        out.print("\r\033[K" + name + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "% "
                + mib(shown) + " of " + mib(length));
        out.flush();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
