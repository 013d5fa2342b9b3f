package io.selvedge.platform.internal.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** The same copies on the caller's thread alone, for when no transfer thread is free. */
final class DirectCopy {

    private DirectCopy() {}

    static void of(ReadableByteChannel source, long length, OutputStream sink) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(ChunkHandoff.CHUNK_BYTES, length)));
        for (long left = length; left > 0; ) {
            buffer.clear();
            if (buffer.remaining() > left) {
                buffer.limit((int) left);
            }
            int n = source.read(buffer);
            if (n < 0) {
                throw new EOFException("The stored file ended early");
            }
            sink.write(buffer.array(), 0, n);
            left -= n;
        }
    }

    static long of(InputStream source, OutputStream sink) throws IOException {
        byte[] buffer = new byte[ChunkHandoff.CHUNK_BYTES];
        long total = 0;
        for (int n = source.read(buffer); n >= 0; n = source.read(buffer)) {
            sink.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
