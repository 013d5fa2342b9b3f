package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.selvedge.content.InvalidContentException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The tus headers a client sends ({@code Upload-Length}, {@code Upload-Offset}, {@code Upload-Metadata}) are
 * read into exactly what they say or refused with an {@link InvalidContentException} (a 400): never an
 * overflow, never another exception. Corpus: {@code TusHeadersFuzzTestInputs/}.
 */
class TusHeadersFuzzTest {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @FuzzTest
    void anUploadLengthOrOffsetIsItsExactValueOrRefused(byte[] data) {
        String value = new String(data, StandardCharsets.ISO_8859_1);
        boolean acceptable = value.matches("[0-9]{1,19}") && new BigInteger(value).compareTo(LONG_MAX) <= 0;
        try {
            long number = UploadsApi.number(value, "Upload-Offset");
            assertThat(acceptable).as("accepted %s", value).isTrue();
            assertThat(BigInteger.valueOf(number)).isEqualTo(new BigInteger(value));
        } catch (InvalidContentException refused) {
            assertThat(acceptable).as("refused %s", value).isFalse();
            assertThat(refused.getMessage()).contains("Upload-Offset");
        }
    }

    @FuzzTest
    void anyUploadMetadataHeaderIsReadOrRefusedAsTheClientsMistake(byte[] data) {
        String header = new String(data, StandardCharsets.ISO_8859_1);
        Map<String, String> values;
        try {
            values = UploadsApi.metadata(header);
        } catch (InvalidContentException refused) {
            return;
        }
        // What was read is stable: written back as tus writes it, it reads as the same values.
        Map<String, String> named = new LinkedHashMap<>(values);
        named.remove("");
        assertThat(UploadsApi.metadata(header(named))).isEqualTo(named);
    }

    @FuzzTest
    void metadataWrittenAsTusWritesItReadsBackExactly(FuzzedDataProvider data) {
        Map<String, String> written = new LinkedHashMap<>();
        int pairs = data.consumeInt(0, 8);
        for (int i = 0; i < pairs; i++) {
            // tus keys: printable ASCII, no spaces, no commas, not empty
            String key = data.consumeAsciiString(20).replaceAll("[^!-~]|,", "");
            String value = data.consumeString(200);
            if (!key.isEmpty() && StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
                written.put(key, value);
            }
        }
        String header = header(written);
        if (header.length() > 4096) {
            return; // longer than the server reads: refused as too long
        }
        assertThat(UploadsApi.metadata(header)).isEqualTo(written);
    }

    private static String header(Map<String, String> values) {
        StringJoiner header = new StringJoiner(",");
        values.forEach((key, value) ->
                header.add(key + " " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
        return header.toString();
    }
}
