package io.selvedge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * The DNS server of the test JVM (UDP on loopback, TXT records only): every test server asks it
 * ({@code selvedge.accounts.dns-server}), and a test publishes the records it needs. Unknown names answer
 * NXDOMAIN.
 */
public final class TestDns {

    private static final TestDns INSTANCE = new TestDns();

    private final DatagramSocket socket;
    private final Map<Name, List<String>> records = new ConcurrentHashMap<>();

    private TestDns() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread serve = new Thread(this::serve, "test-dns");
        serve.setDaemon(true);
        serve.start();
    }

    /** {@code host:port} of the server. */
    public static String address() {
        return "127.0.0.1:" + INSTANCE.socket.getLocalPort();
    }

    /** Publishes (replaces) the TXT values at a name. */
    public static void publish(String name, String... values) {
        INSTANCE.records.put(name(name), List.of(values));
    }

    public static void withdraw(String name) {
        INSTANCE.records.remove(name(name));
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name, Name.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // a malformed query is dropped; the client times out as it would against a real server
            }
        }
    }

    private Message answer(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        response.addRecord(question, Section.QUESTION);
        List<String> values = records.get(question.getName());
        if (values == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        if (question.getType() == Type.TXT) {
            for (String value : values) {
                response.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, value), Section.ANSWER);
            }
        }
        return response;
    }
}
