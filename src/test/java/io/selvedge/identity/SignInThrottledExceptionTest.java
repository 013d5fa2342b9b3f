package io.selvedge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The wait of a throttled sign-in, in the words of the page's language. */
class SignInThrottledExceptionTest {

    static final Locale PORTUGUESE = Locale.forLanguageTag("pt-PT");

    @Test
    void secondsAndMinutesInEnglishAndPortuguese() {
        assertThat(wait(Duration.ofMillis(400)).inWords()).isEqualTo("1 second");
        assertThat(wait(Duration.ofSeconds(42)).inWords(Locale.ENGLISH)).isEqualTo("42 seconds");
        assertThat(wait(Duration.ofSeconds(61)).inWords(Locale.ENGLISH)).isEqualTo("2 minutes");
        assertThat(wait(Duration.ofSeconds(1)).inWords(PORTUGUESE)).isEqualTo("1 segundo");
        assertThat(wait(Duration.ofSeconds(42)).inWords(PORTUGUESE)).isEqualTo("42 segundos");
        assertThat(wait(Duration.ofSeconds(60)).inWords(PORTUGUESE)).isEqualTo("1 minuto");
        assertThat(wait(Duration.ofMinutes(15)).inWords(PORTUGUESE)).isEqualTo("15 minutos");
        assertThat(wait(Duration.ofSeconds(5)).inWords(Locale.GERMAN)).isEqualTo("5 seconds");
    }

    private static SignInThrottledException wait(Duration retryAfter) {
        return new SignInThrottledException(retryAfter);
    }
}
