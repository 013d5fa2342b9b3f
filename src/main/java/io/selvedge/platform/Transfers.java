package io.selvedge.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;

/**
 * Copies a large file between the network and the store on two threads: the caller keeps the network
 * side (the request's socket) and a transfer thread takes the store side (reading and decrypting, or
 * encrypting and writing), so at-rest encryption and storage I/O overlap with TLS instead of following
 * it. At most a few hundred KiB per transfer are in flight. When every transfer thread is busy the
 * copy runs on the caller alone, so a transfer never waits for a thread.
 *
 * <p>Neither method closes what it is given; both return only once the transfer thread has let go of it,
 * so the caller may close it (or commit or abort an upload) straight after. An exception from either
 * side ends both and is thrown to the caller.
 */
public interface Transfers {

    /**
     * Writes {@code length} bytes of {@code source}, from its current position, to {@code sink}, reading
     * ahead on a transfer thread while the caller writes.
     *
     * @throws java.io.EOFException if the source ends before {@code length} bytes
     */
    void readAhead(ReadableByteChannel source, long length, OutputStream sink) throws IOException;

    /**
     * Copies {@code source} to its end into {@code sink}, the caller reading while a transfer thread
     * writes what was read before. Does not flush or close the sink.
     *
     * @return the number of bytes copied
     */
    long writeBehind(InputStream source, OutputStream sink) throws IOException;
}
