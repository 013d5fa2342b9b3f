package io.selvedge.web.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Times as the console shows them: in UTC, to the minute or the second (in the model as {@code times}). */
final class UtcTimes {

    static final UtcTimes INSTANCE = new UtcTimes();

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private UtcTimes() {}

    public String minute(@Nullable Instant time) {
        return time == null ? "" : MINUTE.format(time);
    }

    public String second(@Nullable Instant time) {
        return time == null ? "" : SECOND.format(time);
    }
}
