package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a client puts in {@code Range}, {@code If-Range} and {@code If-None-Match} picks a part of the
 * file that exists, the whole file, a 416 or a 304 for the file's own tag, and nothing else; a stored
 * file name becomes a {@code Content-Disposition} that cannot split the header and names the file
 * exactly. Corpus: {@code FileResponsesFuzzTestInputs/}.
 */
class FileResponsesFuzzTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @FuzzTest
    void aRangeIsServedInsideTheFileOrRefusedWith416(FuzzedDataProvider data) {
        long size = data.consumeLong(0, Long.MAX_VALUE);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        String ifRange = data.consumeBoolean() ? data.consumeString(100) : null;
        if (ifRange != null) {
            request.addHeader("If-Range", ifRange);
        }
        request.addHeader("Range", data.consumeRemainingAsString());
        Version version = version("coat.glb", size);
        FileResponses.Span span;
        try {
            span = FileResponses.range(request, version);
        } catch (FileResponses.RangeNotSatisfiable refused) {
            return;
        }
        if (span != null) {
            assertThat(span.start()).isBetween(0L, size - 1);
            assertThat(span.end()).isBetween(span.start(), size - 1);
            assertThat(ifRange == null || ifRange.strip().equals(FileResponses.etag(version)))
                    .as("a part only for the current tag")
                    .isTrue();
        }
    }

    @FuzzTest
    void onlyTheFilesOwnTagOrAStarAnswers304(byte[] data) {
        String ifNoneMatch = new String(data, StandardCharsets.ISO_8859_1);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("If-None-Match", ifNoneMatch);
        MockHttpServletResponse response = new MockHttpServletResponse();
        Version version = version("coat.glb", 10);
        boolean expected = Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + SHA256 + "\""));
        assertThat(FileResponses.notModified(request, response, version)).isEqualTo(expected);
        assertThat(response.getStatus()).isEqualTo(expected ? 304 : 200);
    }

    @FuzzTest
    void aDispositionNeverSplitsTheHeaderAndNamesTheFileExactly(byte[] data) {
        String filename = new String(data, StandardCharsets.UTF_8);
        String header = FileResponses.disposition("attachment", filename);
        assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        ContentDisposition parsed = ContentDisposition.parse(header);
        assertThat(parsed.isAttachment()).isTrue();
        String exact = new String(filename.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(parsed.getFilename()).isEqualTo(exact);
        int fallback = header.indexOf("filename=\"") + "filename=\"".length();
        String ascii = header.substring(fallback, header.indexOf('"', fallback));
        assertThat(ascii).hasSize(filename.length()).doesNotContain("\\", "%");
    }

    private static Version version(String filename, long size) {
        UUID id = UUID.nameUUIDFromBytes(filename.getBytes(StandardCharsets.UTF_8));
        return new Version(id, id, id, 1, filename, "model/gltf-binary", size, SHA256, null, id, Instant.EPOCH);
    }
}
