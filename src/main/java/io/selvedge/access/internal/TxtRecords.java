package io.selvedge.access.internal;

import io.selvedge.access.AccountsProperties;
import io.selvedge.platform.StartupRefusedException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * TXT look-ups for domain verification (dnsjava), asked of {@code SELVEDGE_DNS_SERVER} when set, else of
 * the system's resolvers. Nothing is cached: a verification sees the record as published now.
 */
@Component
class TxtRecords {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Resolver resolver;

    TxtRecords(AccountsProperties properties) {
        this.resolver = resolver(properties.dnsServer());
        this.resolver.setTimeout(TIMEOUT);
    }

    /**
     * The strings of each TXT record at the name (a record's strings joined, as publishers split long values).
     *
     * @throws IOException if the server did not answer
     */
    List<String> lookUp(String name) throws IOException {
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.TXT, DClass.IN));
        } catch (TextParseException e) {
            return List.of();
        }
        Message response = resolver.send(query);
        List<String> values = new ArrayList<>();
        if (response.getRcode() != Rcode.NOERROR) {
            return values;
        }
        for (Record answer : response.getSection(Section.ANSWER)) {
            if (answer instanceof TXTRecord txt) {
                values.add(String.join("", txt.getStrings()));
            }
        }
        return values;
    }

    private static Resolver resolver(String server) {
        if (server == null || server.isBlank()) {
            return new ExtendedResolver();
        }
        try {
            URI address = new URI("dns://" + server.strip());
            if (address.getHost() == null
                    || address.getPort() < 1
                    || address.getPath().length() > 0) {
                throw new URISyntaxException(server, "not host:port");
            }
            return new SimpleResolver(new InetSocketAddress(address.getHost(), address.getPort()));
        } catch (URISyntaxException e) {
            throw new StartupRefusedException(
                    "SELVEDGE_DNS_SERVER is not host:port: " + server,
                    "Give the DNS server as host:port (e.g. 10.0.0.2:53), or unset it to use the system's.");
        }
    }
}
