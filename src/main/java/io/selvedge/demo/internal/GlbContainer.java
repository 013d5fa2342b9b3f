package io.selvedge.demo.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The glTF 2.0 binary container (glTF 2.0 specification, "GLB File Format Specification"): a 12-byte
 * header, a JSON chunk padded with spaces and a BIN chunk padded with zeros, each to 4 bytes.
 */
final class GlbContainer {

    static final int MAGIC = 0x46546C67; // "glTF"
    static final int VERSION = 2;
    static final int JSON_CHUNK = 0x4E4F534A; // "JSON"
    static final int BIN_CHUNK = 0x004E4942; // "BIN\0"

    private GlbContainer() {}

    static byte[] of(String json, byte[] binary) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int textLength = padded(text.length);
        int binaryLength = padded(binary.length);
        ByteBuffer out =
                ByteBuffer.allocate(12 + 8 + textLength + 8 + binaryLength).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).putInt(out.capacity());
        out.putInt(textLength).putInt(JSON_CHUNK).put(text);
        for (int i = text.length; i < textLength; i++) {
            out.put((byte) ' ');
        }
        out.putInt(binaryLength).putInt(BIN_CHUNK).put(binary);
        return out.array(); // the rest is already zero
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
