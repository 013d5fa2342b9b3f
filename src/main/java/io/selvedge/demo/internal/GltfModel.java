package io.selvedge.demo.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A mesh as a glTF 2.0 binary: one node, one primitive with positions and normals (floats) and indices
 * (unsigned shorts, or ints past 65,535 vertices), and a double-sided fabric material with sheen.
 */
final class GltfModel {

    static final int FLOAT = 5126;
    static final int UNSIGNED_SHORT = 5123;
    static final int UNSIGNED_INT = 5125;
    static final int ARRAY_BUFFER = 34962;
    static final int ELEMENT_ARRAY_BUFFER = 34963;
    static final String SHEEN = "KHR_materials_sheen";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GltfModel() {}

    static byte[] of(String name, Mesh mesh, Fabric fabric) {
        float[] positions = mesh.positions();
        float[] normals = mesh.normals();
        int[] indices = mesh.indices();
        boolean shortIndices = mesh.vertexCount() <= 0xFFFF;
        int indexBytes = indices.length * (shortIndices ? 2 : 4);
        ByteBuffer binary = ByteBuffer.allocate(
                        4 * positions.length + 4 * normals.length + GlbContainer.padded(indexBytes))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float value : positions) {
            binary.putFloat(value);
        }
        for (float value : normals) {
            binary.putFloat(value);
        }
        for (int index : indices) {
            if (shortIndices) {
                binary.putShort((short) index);
            } else {
                binary.putInt(index);
            }
        }
        int vertices = mesh.vertexCount();
        Map<String, Object> gltf = new LinkedHashMap<>();
        gltf.put("asset", object("version", "2.0", "generator", "Selvedge demo-data"));
        gltf.put("extensionsUsed", List.of(SHEEN));
        gltf.put("scene", 0);
        gltf.put("scenes", List.of(object("nodes", List.of(0))));
        gltf.put("nodes", List.of(object("mesh", 0, "name", name)));
        gltf.put(
                "meshes",
                List.of(object(
                        "name",
                        name,
                        "primitives",
                        List.of(object(
                                "attributes",
                                object("POSITION", 0, "NORMAL", 1),
                                "indices",
                                2,
                                "material",
                                0,
                                "mode",
                                4)))));
        gltf.put("materials", List.of(material(fabric)));
        gltf.put("buffers", List.of(object("byteLength", binary.capacity())));
        gltf.put(
                "bufferViews",
                List.of(
                        view(0, 12 * vertices, ARRAY_BUFFER),
                        view(12 * vertices, 12 * vertices, ARRAY_BUFFER),
                        view(24 * vertices, indexBytes, ELEMENT_ARRAY_BUFFER)));
        gltf.put(
                "accessors",
                List.of(
                        object(
                                "bufferView",
                                0,
                                "componentType",
                                FLOAT,
                                "count",
                                vertices,
                                "type",
                                "VEC3",
                                "min",
                                bound(positions, true),
                                "max",
                                bound(positions, false)),
                        object("bufferView", 1, "componentType", FLOAT, "count", vertices, "type", "VEC3"),
                        object(
                                "bufferView",
                                2,
                                "componentType",
                                shortIndices ? UNSIGNED_SHORT : UNSIGNED_INT,
                                "count",
                                indices.length,
                                "type",
                                "SCALAR")));
        return GlbContainer.of(JSON.writeValueAsString(gltf), binary.array());
    }

    private static Map<String, Object> material(Fabric fabric) {
        return object(
                "name", fabric.name(),
                "pbrMetallicRoughness",
                        object(
                                "baseColorFactor",
                                        List.of(fabric.colour()[0], fabric.colour()[1], fabric.colour()[2], 1f),
                                "metallicFactor", 0f,
                                "roughnessFactor", fabric.roughness()),
                "doubleSided", true,
                "extensions",
                        object(
                                SHEEN,
                                object(
                                        "sheenColorFactor",
                                                List.of(
                                                        fabric.sheenColour()[0],
                                                        fabric.sheenColour()[1],
                                                        fabric.sheenColour()[2]),
                                        "sheenRoughnessFactor", fabric.sheenRoughness())));
    }

    private static Map<String, Object> view(int offset, int length, int target) {
        return object("buffer", 0, "byteOffset", offset, "byteLength", length, "target", target);
    }

    private static List<Float> bound(float[] xyz, boolean min) {
        float[] out = {xyz[0], xyz[1], xyz[2]};
        for (int i = 3; i < xyz.length; i++) {
            out[i % 3] = min ? Math.min(out[i % 3], xyz[i]) : Math.max(out[i % 3], xyz[i]);
        }
        return List.of(out[0], out[1], out[2]);
    }

    /** An object whose keys keep their order (so the same garment is the same bytes). */
    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
