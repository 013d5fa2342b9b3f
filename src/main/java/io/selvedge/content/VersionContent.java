package io.selvedge.content;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

/**
 * A version's plaintext for serving: read-only random access (for {@code Range}); close it.
 *
 * @param channel decrypts as it is read; a changed byte anywhere fails the read
 */
public record VersionContent(Version version, SeekableByteChannel channel) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
