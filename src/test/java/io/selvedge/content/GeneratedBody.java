package io.selvedge.content;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lombok.RequiredArgsConstructor;

/**
 * A body of any size made on the fly from a seed (never a file, never held whole): the same seed and
 * size give the same bytes, so a test can compute their SHA-256 without storing them.
 */
@RequiredArgsConstructor
public final class GeneratedBody extends InputStream {

    private final long size;
    private long position;
    private final long seed;

    /** The byte at a position, for checking a range without the rest. */
    public static byte at(long seed, long position) {
        long block = position / 8;
        long value = mix(seed + block);
        return (byte) (value >>> (8 * (position % 8)));
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public int read() {
        if (position >= size) {
            return -1;
        }
        return at(seed, position++) & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; ) {
            long block = position / 8;
            long value = mix(seed + block);
            int shift = (int) (position % 8);
            while (shift < 8 && i < n) {
                buffer[offset + i++] = (byte) (value >>> (8 * shift++));
                position++;
            }
        }
        return n;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The SHA-256 of the body of this size and seed, computed by streaming it. */
    public static String sha256(long size, long seed) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            try (GeneratedBody body = new GeneratedBody(size, seed)) {
                int n;
                while ((n = body.read(buffer, 0, buffer.length)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
