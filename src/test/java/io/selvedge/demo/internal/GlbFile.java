package io.selvedge.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A glTF binary read back and checked against the glTF 2.0 specification's rules that a viewer depends
 * on: the container's header and chunks, every buffer view inside the buffer, every accessor inside its
 * view, positions within their stated bounds, unit normals and indices naming existing vertices.
 */
record GlbFile(JsonNode json, ByteBuffer bin) {

    private static final Map<Integer, Integer> COMPONENT_BYTES =
            Map.of(5120, 1, 5121, 1, 5122, 2, 5123, 2, 5125, 4, 5126, 4);
    private static final Map<String, Integer> COMPONENTS = Map.of("SCALAR", 1, "VEC2", 2, "VEC3", 3, "VEC4", 4);

    static GlbFile read(byte[] glb) {
        ByteBuffer in = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt()).as("magic").isEqualTo(0x46546C67);
        assertThat(in.getInt()).as("version").isEqualTo(2);
        assertThat(in.getInt()).as("length").isEqualTo(glb.length);
        int jsonLength = in.getInt();
        assertThat(in.getInt()).as("first chunk is JSON").isEqualTo(0x4E4F534A);
        assertThat(jsonLength % 4).isZero();
        String text = new String(glb, in.position(), jsonLength, StandardCharsets.UTF_8);
        in.position(in.position() + jsonLength);
        int binLength = in.getInt();
        assertThat(in.getInt()).as("second chunk is BIN").isEqualTo(0x004E4942);
        assertThat(binLength % 4).isZero();
        assertThat(in.position() + binLength).isEqualTo(glb.length);
        ByteBuffer bin = in.slice(in.position(), binLength).order(ByteOrder.LITTLE_ENDIAN);
        return new GlbFile(JsonMapper.builder().build().readTree(text.strip()), bin);
    }

    /** Checks the rules; returns the number of vertices. */
    int check() {
        assertThat(json.path("asset").path("version").asString()).isEqualTo("2.0");
        JsonNode buffer = json.path("buffers").get(0);
        assertThat(json.path("buffers")).hasSize(1);
        assertThat(buffer.has("uri")).as("the GLB's own buffer").isFalse();
        assertThat(buffer.path("byteLength").asInt()).isLessThanOrEqualTo(bin.capacity());
        for (JsonNode view : json.path("bufferViews")) {
            int offset = view.path("byteOffset").asInt(0);
            assertThat(offset).isNotNegative();
            assertThat(offset + view.path("byteLength").asInt())
                    .as("view inside the buffer")
                    .isLessThanOrEqualTo(buffer.path("byteLength").asInt());
        }
        for (JsonNode accessor : json.path("accessors")) {
            JsonNode view =
                    json.path("bufferViews").get(accessor.path("bufferView").asInt());
            int size = COMPONENT_BYTES.get(accessor.path("componentType").asInt())
                    * COMPONENTS.get(accessor.path("type").asString());
            assertThat(accessor.path("byteOffset").asInt(0)
                            + accessor.path("count").asInt() * size)
                    .as("accessor inside its view")
                    .isLessThanOrEqualTo(view.path("byteLength").asInt());
            assertThat(view.path("byteOffset").asInt(0)
                            % COMPONENT_BYTES.get(accessor.path("componentType").asInt()))
                    .as("aligned")
                    .isZero();
        }
        JsonNode primitive = json.path("meshes").get(0).path("primitives").get(0);
        JsonNode positions =
                accessor(primitive.path("attributes").path("POSITION").asInt());
        JsonNode normals = accessor(primitive.path("attributes").path("NORMAL").asInt());
        int vertices = positions.path("count").asInt();
        assertThat(normals.path("count").asInt()).isEqualTo(vertices);
        assertThat(positions.path("min")).as("POSITION states its bounds").hasSize(3);
        int positionsAt = offsetOf(positions);
        int normalsAt = offsetOf(normals);
        float[] min = new float[3];
        float[] max = new float[3];
        for (int c = 0; c < 3; c++) {
            min[c] = positions.path("min").get(c).floatValue();
            max[c] = positions.path("max").get(c).floatValue();
        }
        for (int v = 0; v < vertices; v++) { // plain checks: an assertion per float would take seconds
            double length = 0;
            for (int c = 0; c < 3; c++) {
                float p = bin.getFloat(positionsAt + 12 * v + 4 * c);
                if (!(p >= min[c] && p <= max[c])) {
                    throw new AssertionError("vertex " + v + " lies outside the POSITION bounds");
                }
                float n = bin.getFloat(normalsAt + 12 * v + 4 * c);
                length += n * n;
            }
            if (Math.abs(Math.sqrt(length) - 1) > 1e-3) {
                throw new AssertionError("the normal of vertex " + v + " is not unit length: " + Math.sqrt(length));
            }
        }
        JsonNode indices = accessor(primitive.path("indices").asInt());
        int indicesAt = offsetOf(indices);
        boolean shorts = indices.path("componentType").asInt() == 5123;
        assertThat(indices.path("count").asInt() % 3).as("whole triangles").isZero();
        for (int i = 0; i < indices.path("count").asInt(); i++) {
            long index = shorts
                    ? Short.toUnsignedInt(bin.getShort(indicesAt + 2 * i))
                    : Integer.toUnsignedLong(bin.getInt(indicesAt + 4 * i));
            if (index >= vertices) {
                throw new AssertionError("index " + i + " names no vertex: " + index);
            }
        }
        JsonNode material =
                json.path("materials").get(primitive.path("material").asInt());
        assertThat(material.path("extensions").has("KHR_materials_sheen")).isTrue();
        assertThat(json.path("extensionsUsed").toString()).contains("KHR_materials_sheen");
        return vertices;
    }

    private JsonNode accessor(int index) {
        return json.path("accessors").get(index);
    }

    private int offsetOf(JsonNode accessor) {
        return json.path("bufferViews")
                        .get(accessor.path("bufferView").asInt())
                        .path("byteOffset")
                        .asInt(0)
                + accessor.path("byteOffset").asInt(0);
    }
}
