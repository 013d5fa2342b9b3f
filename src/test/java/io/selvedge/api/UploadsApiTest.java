package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.content.InvalidContentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadsApiTest {

    @Test
    void aTusNumberIsReadUpToTheLargestLong() {
        assertThat(UploadsApi.number("0", "Upload-Offset")).isZero();
        assertThat(UploadsApi.number("9223372036854775807", "Upload-Length")).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"9223372036854775808", "9999999999999999999", "99999999999999999999", "-1", "+1", "1e3", " 1", ""
            })
    void aTusNumberPastALongOrNotOfAsciiDigitsIsTheClientsMistake(String value) {
        assertThatThrownBy(() -> UploadsApi.number(value, "Upload-Length"))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("Upload-Length");
    }

    @Test
    void digitsOfOtherScriptsAreNotATusNumber() {
        assertThatThrownBy(() -> UploadsApi.number("\u0661\u0662", "Upload-Offset"))
                .isInstanceOf(InvalidContentException.class);
        assertThatThrownBy(() -> UploadsApi.number(null, "Upload-Offset")).isInstanceOf(InvalidContentException.class);
    }
}
