package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the server advertises to an HTTP/2 client, read from the wire as a browser receives it: a flow-control
 * window of 1 MiB per stream and for the connection (not the protocol's 64 KiB, which held uploads to a window
 * per round trip; bench/README.md), and at most 32 streams at once, which bounds the buffers one connection
 * can make the server hold.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class Http2SettingsIT {

    static final int SETTINGS = 0x4;
    static final int WINDOW_UPDATE = 0x8;
    static final int FLAG_ACK = 0x1;
    static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
    static final int SETTINGS_INITIAL_WINDOW_SIZE = 0x4;
    static final int SETTINGS_MAX_FRAME_SIZE = 0x5;
    static final int PROTOCOL_DEFAULT_WINDOW = 65_535;
    static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    PlatformProperties platform;

    @Test
    void anHttp2ClientIsGrantedAOneMebibyteWindowPerStreamAndForTheConnection() throws IOException {
        try (SSLSocket socket = anH2Connection()) {
            Map<Integer, Long> settings = new HashMap<>();
            long connectionWindowIncrement = -1;
            DataInputStream in = new DataInputStream(socket.getInputStream());
            // Tomcat sends its SETTINGS, then the connection's WINDOW_UPDATE; an ACK of ours may come between.
            for (int frames = 0; frames < 8 && (settings.isEmpty() || connectionWindowIncrement < 0); frames++) {
                Frame frame = Frame.read(in);
                if (frame.type() == SETTINGS && (frame.flags() & FLAG_ACK) == 0) {
                    ByteBuffer payload = ByteBuffer.wrap(frame.payload());
                    while (payload.remaining() >= 6) {
                        settings.put(payload.getShort() & 0xffff, payload.getInt() & 0xffffffffL);
                    }
                } else if (frame.type() == WINDOW_UPDATE && frame.streamId() == 0) {
                    connectionWindowIncrement = ByteBuffer.wrap(frame.payload()).getInt() & 0x7fffffff;
                }
            }

            assertThat(settings).containsEntry(SETTINGS_INITIAL_WINDOW_SIZE, (long) MIB);
            assertThat(settings).containsEntry(SETTINGS_MAX_CONCURRENT_STREAMS, 32L);
            // Frames stay the protocol's 16 KiB (Tomcat has no setting for it): a client sends no larger ones.
            assertThat(settings.getOrDefault(SETTINGS_MAX_FRAME_SIZE, 16_384L)).isEqualTo(16_384L);
            assertThat(PROTOCOL_DEFAULT_WINDOW + connectionWindowIncrement)
                    .as("the connection's window: the protocol's initial 64 KiB plus the server's first update")
                    .isEqualTo(MIB);
        }
    }

    private SSLSocket anH2Connection() throws IOException {
        SSLSocket socket = (SSLSocket) TestHttps.trusting(TestHttps.developmentCertificate(platform.dataDir()))
                .getSocketFactory()
                .createSocket("localhost", port);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        assertThat(socket.getApplicationProtocol()).isEqualTo("h2");
        OutputStream out = socket.getOutputStream();
        out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {0, 0, 0, SETTINGS, 0, 0, 0, 0, 0}); // the client's SETTINGS, empty
        out.flush();
        return socket;
    }

    /** One HTTP/2 frame (RFC 9113, section 4.1). */
    record Frame(int type, int flags, int streamId, byte[] payload) {

        static Frame read(DataInputStream in) throws IOException {
            int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int streamId = in.readInt() & 0x7fffffff;
            byte[] payload = new byte[length];
            in.readFully(payload);
            return new Frame(type, flags, streamId, payload);
        }
    }
}
