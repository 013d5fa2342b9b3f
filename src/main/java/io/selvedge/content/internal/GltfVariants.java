package io.selvedge.content.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the colourways of a glTF 2.0 file ({@code .glb} or {@code .gltf}) from its
 * {@code KHR_materials_variants} extension: each variant's name, and as its swatch the base colour of the
 * first material mapped to it. Only the JSON is read (a GLB's first chunk; the binary chunk is never
 * touched), as a stream: the parts it needs ({@code extensions}, {@code materials}, {@code meshes}) are
 * kept, everything else (buffers as data URIs included) is skipped without being held, and the JSON may be
 * at most {@link #MAX_JSON} bytes. A file that is not well-formed glTF has no variants: it is still a
 * version, the viewer says whether it can show it.
 */
final class GltfVariants {

    /** The most JSON read: CLO's and Browzwear's exports hold a few hundred KiB. */
    static final long MAX_JSON = 32L * 1024 * 1024;

    static final String DEFAULT_SWATCH = "#808080";

    private static final int GLB_MAGIC = 0x46546C67; // "glTF"
    private static final int JSON_CHUNK = 0x4E4F534A; // "JSON"
    private static final String EXTENSION = "KHR_materials_variants";

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(64)
                            .maxNumberLength(100)
                            .build())
                    .build())
            // Each part is read as a tree in the middle of the document: what follows it is no trailing garbage.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One variant: its name as the file has it (made safe) and a swatch colour {@code #rrggbb}. */
    record Variant(String name, String swatch) {}

    private GltfVariants() {}

    /** Whether a file of this name may carry variants. */
    static boolean applies(String filename) {
        String lower = filename.toLowerCase(Locale.ROOT);
        return lower.endsWith(".glb") || lower.endsWith(".gltf");
    }

    /**
     * The variants of the file, in the file's order, at most {@code max}; empty for a file without the
     * extension or that is not well-formed glTF.
     *
     * @throws IOException only if the stream itself failed
     */
    static List<Variant> read(String filename, InputStream file, int max) throws IOException {
        Optional<InputStream> json = filename.toLowerCase(Locale.ROOT).endsWith(".glb")
                ? jsonChunk(file)
                : Optional.of(new LimitedInputStream(file, MAX_JSON, "The glTF JSON is too large."));
        if (json.isEmpty()) {
            return List.of();
        }
        try {
            return variants(json.get(), max);
        } catch (JacksonException | io.selvedge.content.ContentTooLargeException e) {
            return List.of();
        }
    }

    /** The JSON chunk of a GLB (header, then the first chunk, which the format requires to be JSON). */
    private static Optional<InputStream> jsonChunk(InputStream file) throws IOException {
        DataInputStream in = new DataInputStream(file);
        try {
            int magic = Integer.reverseBytes(in.readInt());
            int version = Integer.reverseBytes(in.readInt());
            in.readInt(); // the file's length: the chunk's own length bounds what is read
            long length = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            int type = Integer.reverseBytes(in.readInt());
            if (magic != GLB_MAGIC || version != 2 || type != JSON_CHUNK || length > MAX_JSON) {
                return Optional.empty();
            }
            return Optional.of(new BoundedStream(in, length));
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    private static List<Variant> variants(InputStream json, int max) {
        JsonNode extensions = null;
        JsonNode materials = null;
        JsonNode meshes = null;
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return List.of();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String property = parser.currentName();
                parser.nextToken();
                switch (property) {
                    case "extensions" -> extensions = JSON.readTree(parser);
                    case "materials" -> materials = JSON.readTree(parser);
                    case "meshes" -> meshes = JSON.readTree(parser);
                    default -> parser.skipChildren();
                }
            }
        }
        if (extensions == null || !extensions.isObject()) {
            return List.of();
        }
        JsonNode declared = extensions.path(EXTENSION).path("variants");
        if (!declared.isArray()) {
            return List.of();
        }
        List<Variant> found = new ArrayList<>();
        for (int i = 0; i < declared.size() && found.size() < max; i++) {
            JsonNode named = declared.get(i).path("name");
            String name = ColorwayFields.fromFile(named.isString() ? named.stringValue() : "", i + 1);
            found.add(new Variant(name, swatchOf(i, materials, meshes)));
        }
        return found;
    }

    /** The base colour (linear in glTF) of the first material a mesh maps to the variant, as sRGB hex. */
    private static String swatchOf(int variant, JsonNode materials, JsonNode meshes) {
        if (materials == null || meshes == null || !materials.isArray()) {
            return DEFAULT_SWATCH;
        }
        for (JsonNode mesh : meshes.values()) {
            for (JsonNode primitive : mesh.path("primitives").values()) {
                for (JsonNode mapping : primitive
                        .path("extensions")
                        .path(EXTENSION)
                        .path("mappings")
                        .values()) {
                    for (JsonNode index : mapping.path("variants").values()) {
                        if (index.canConvertToInt() && index.intValue() == variant) {
                            return colourOf(materials, mapping.path("material"));
                        }
                    }
                }
            }
        }
        return DEFAULT_SWATCH;
    }

    private static String colourOf(JsonNode materials, JsonNode index) {
        if (!index.canConvertToInt()) {
            return DEFAULT_SWATCH;
        }
        JsonNode factor =
                materials.path(index.intValue()).path("pbrMetallicRoughness").path("baseColorFactor");
        if (!factor.isArray() || factor.size() < 3) {
            return DEFAULT_SWATCH;
        }
        StringBuilder hex = new StringBuilder("#");
        for (int c = 0; c < 3; c++) {
            JsonNode component = factor.get(c);
            hex.append(String.format(Locale.ROOT, "%02x", srgb(component.isNumber() ? component.doubleValue() : 0.5)));
        }
        return hex.toString();
    }

    /** A linear colour component (0 to 1) as an 8-bit sRGB one. */
    static int srgb(double linear) {
        double c = Double.isNaN(linear) ? 0 : Math.max(0, Math.min(1, linear));
        double encoded = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(encoded * 255);
    }

    /** The first {@code length} bytes of a stream, then its end (the rest of the file is never read). */
    private static final class BoundedStream extends InputStream {

        private final InputStream in;
        private long left;

        BoundedStream(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
