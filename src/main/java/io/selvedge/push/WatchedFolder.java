package io.selvedge.push;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;

/**
 * The folder CLO exports into. A file is pushed once it is complete, which is when its size and time have
 * not changed for the settling time (an export writes for a while); each state of a file is pushed once,
 * so a file saved again is a new version, and one left alone is never pushed twice. Files already there
 * when watching starts, hidden files and partial downloads ({@code .tmp}, {@code .part}, {@code ~}) are
 * left alone. Polling, not a watch service: it sees the same on every file system, network shares too.
 */
@RequiredArgsConstructor
final class WatchedFolder {

    private final Path folder;
    private final long settleMillis;
    private final Map<Path, Seen> seen = new HashMap<>();

    /** Watches until the thread is interrupted, handing each complete new or changed file to {@code push}. */
    void watch(Consumer<Path> push) throws IOException {
        long now = System.nanoTime() / 1_000_000;
        for (Map.Entry<Path, String> file : look().entrySet()) {
            seen.put(file.getKey(), new Seen(file.getValue(), now, file.getValue()));
        }
        long pause = Math.max(100, Math.min(1000, settleMillis / 4));
        while (!Thread.currentThread().isInterrupted()) {
            now = System.nanoTime() / 1_000_000;
            Map<Path, String> files = look();
            seen.keySet().retainAll(files.keySet());
            for (Map.Entry<Path, String> file : files.entrySet()) {
                Seen before = seen.get(file.getKey());
                if (before == null || !before.state.equals(file.getValue())) {
                    seen.put(file.getKey(), new Seen(file.getValue(), now, before == null ? "" : before.pushed));
                } else if (!before.pushed.equals(before.state) && now - before.since >= settleMillis) {
                    seen.put(file.getKey(), new Seen(before.state, before.since, before.state));
                    push.accept(file.getKey());
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The files to consider, each with its state: size and time of last change. */
    private Map<Path, String> look() throws IOException {
        Map<Path, String> files = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("~") || name.endsWith(".tmp") || name.endsWith(".part")) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(
                                entry,
                                attributes.size() + "@"
                                        + attributes.lastModifiedTime().toMillis());
                    }
                } catch (IOException gone) {
                    // removed between the listing and the look: not there
                }
            }
        }
        return files;
    }

    /** A file's last state, since when it has had it, and the state last pushed. */
    private record Seen(String state, long since, String pushed) {}
}
