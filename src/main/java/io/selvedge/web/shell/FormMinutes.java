package io.selvedge.web.shell;

import java.time.Duration;

/** A length of time a staff form asks for in whole minutes, within bounds. */
final class FormMinutes {

    private FormMinutes() {}

    /**
     * The minutes given, from {@code least} to {@code most}.
     *
     * @throws IllegalArgumentException for anything else (a {@link NumberFormatException} for no number)
     */
    static Duration of(String given, long least, long most) {
        long minutes = Long.parseLong(given.strip());
        if (minutes < least || minutes > most) {
            throw new IllegalArgumentException("minutes");
        }
        return Duration.ofMinutes(minutes);
    }
}
