package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The colourways of a glTF file, read from its KHR_materials_variants; a malformed file has none. */
class GltfVariantsTest {

    static final Path SAMPLE = Path.of("samples/tee-colorways.glb");

    @Test
    void theSampleTeeHasThreeVariantsEachWithItsMaterialsColour() throws IOException {
        List<GltfVariants.Variant> variants = read("tee-colorways.glb", Files.readAllBytes(SAMPLE));

        assertThat(variants).extracting(GltfVariants.Variant::name).containsExactly("Indigo", "Ecru", "Rust");
        // baseColorFactor is linear: 0.80, 0.74, 0.60 is sRGB e7 df cb.
        assertThat(variants.get(1).swatch()).isEqualTo("#e7dfcb");
        assertThat(variants).allSatisfy(v -> assertThat(v.swatch()).matches("#[0-9a-f]{6}"));
    }

    @Test
    void onlyTheJsonChunkIsReadNotTheBinaryOne() throws IOException {
        byte[] file = Files.readAllBytes(SAMPLE);
        int jsonLength =
                ByteBuffer.wrap(file, 12, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int[] read = {0};
        InputStream counting = new ByteArrayInputStream(file) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                read[0] += Math.max(n, 0);
                return n;
            }
        };

        assertThat(GltfVariants.read("tee.glb", counting, 100)).hasSize(3);
        assertThat(read[0]).isLessThanOrEqualTo(20 + jsonLength);
    }

    @Test
    void aGltfTextFileIsReadAndAFileWithoutTheExtensionHasNoVariants() throws IOException {
        String gltf =
                "{\"asset\": {\"version\": \"2.0\"}, \"buffers\": [{\"uri\": \"data:application/octet-stream;base64,"
                        + "A".repeat(100_000) + "\"}], \"extensions\": {\"KHR_materials_variants\": {\"variants\":"
                        + " [{\"name\": \"Night\\u0007 blue\"}, {\"name\": \"\"}]}}}";

        assertThat(read("coat.gltf", gltf.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        new GltfVariants.Variant("Night blue", GltfVariants.DEFAULT_SWATCH),
                        new GltfVariants.Variant("Variant 2", GltfVariants.DEFAULT_SWATCH));
        assertThat(read("tee.glb", Files.readAllBytes(Path.of("samples/tee.glb"))))
                .isEmpty();
    }

    @Test
    void malformedFilesHaveNoVariants() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);
        byte[] truncated = Arrays.copyOf(sample, 200);
        byte[] huge = sample.clone();
        ByteBuffer.wrap(huge, 12, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MAX_VALUE);
        byte[] notJson = sample.clone();
        notJson[20] = '[';
        byte[] deep = ("{\"extensions\": " + "[".repeat(5000)).getBytes(StandardCharsets.UTF_8);

        for (byte[] file : List.of(truncated, huge, notJson, new byte[7], "glTF".getBytes(StandardCharsets.UTF_8))) {
            assertThat(read("bad.glb", file)).isEmpty();
        }
        assertThat(read("deep.gltf", deep)).isEmpty();
        assertThat(read("bad.gltf", "not json at all".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    private static List<GltfVariants.Variant> read(String filename, byte[] file) throws IOException {
        return GltfVariants.read(filename, new ByteArrayInputStream(file), 100);
    }
}
