package io.selvedge.protection.internal;

import io.selvedge.platform.StartupRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The proxies whose forwarded headers are believed ({@code SELVEDGE_TRUSTED_PROXIES}): CIDR blocks or single
 * addresses, and the preset {@code cloudflare} (Cloudflare's published ranges, from {@value #CLOUDFLARE}).
 * Addresses are IP literals only: nothing here ever asks the DNS.
 */
final class TrustedProxies {

    static final String CLOUDFLARE = "/protection/cloudflare-ranges.txt";

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> ranges;
    private final boolean cloudflare;

    private TrustedProxies(List<IpAddressMatcher> ranges, boolean cloudflare) {
        this.ranges = List.copyOf(ranges);
        this.cloudflare = cloudflare;
    }

    static TrustedProxies none() {
        return new TrustedProxies(List.of(), false);
    }

    /** Parses the setting's entries; a malformed one refuses the start, naming it. */
    static TrustedProxies of(List<String> entries) {
        List<IpAddressMatcher> ranges = new ArrayList<>();
        boolean cloudflare = false;
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.toLowerCase(Locale.ROOT).equals("cloudflare")) {
                cloudflare = true;
                cloudflareRanges().forEach(range -> ranges.add(range(range)));
            } else {
                ranges.add(range(entry));
            }
        }
        return new TrustedProxies(ranges, cloudflare);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the operator said Selvedge sits behind Cloudflare, whose {@code CF-Connecting-IP} is then believed. */
    boolean behindCloudflare() {
        return cloudflare;
    }

    int rangeCount() {
        return ranges.size();
    }

    boolean trusts(@Nullable String address) {
        // The canonical literal is matched, not the text as forwarded (" 2001:db8::1" made the matcher throw).
        Optional<String> literal = literal(address);
        return literal.isPresent() && ranges.stream().anyMatch(range -> range.matches(literal.get()));
    }

    /** The address in its canonical form if {@code text} is an IPv4 or IPv6 literal; empty for anything else. */
    static Optional<String> literal(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip();
        if (IPV4.matcher(candidate).matches()) {
            return canonical(candidate);
        }
        if (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches()) {
            return canonical(candidate);
        }
        return Optional.empty();
    }

    private static Optional<String> canonical(String literal) {
        try {
            // A literal (checked above) is parsed, never looked up.
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static IpAddressMatcher range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (literal(address).isEmpty()) {
            throw refused(entry);
        }
        try {
            return new IpAddressMatcher(entry);
        } catch (IllegalArgumentException malformed) {
            throw refused(entry);
        }
    }

    private static StartupRefusedException refused(String entry) {
        return new StartupRefusedException(
                "SELVEDGE_TRUSTED_PROXIES has an entry that is neither an address, a CIDR block nor 'cloudflare': '"
                        + entry + "'",
                "List the proxies' addresses or CIDR blocks separated by commas (10.0.0.0/8,2001:db8::/32), or 'cloudflare'.");
    }

    static List<String> cloudflareRanges() {
        try (InputStream in = TrustedProxies.class.getResourceAsStream(CLOUDFLARE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + CLOUDFLARE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + CLOUDFLARE, e);
        }
    }
}
