package io.selvedge.access.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * An IP allow-list: CIDR blocks of IPv4 or IPv6 addresses (a bare address is a block of one). Only address
 * literals are accepted, so nothing here ever asks DNS.
 */
final class AddressBlocks {

    static final int MOST_BLOCKS = 100;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    private final List<String> blocks;
    private final List<IpAddressMatcher> matchers;

    private AddressBlocks(List<String> blocks, List<IpAddressMatcher> matchers) {
        this.blocks = List.copyOf(blocks);
        this.matchers = List.copyOf(matchers);
    }

    /**
     * Parses and normalises (lower case, {@code /32} or {@code /128} added to a bare address).
     *
     * @throws IllegalArgumentException with a reason for a person, for a block that is not one
     */
    static AddressBlocks parse(List<String> given) {
        if (given.size() > MOST_BLOCKS) {
            throw new IllegalArgumentException("An allow-list holds at most " + MOST_BLOCKS + " blocks.");
        }
        List<String> blocks = new ArrayList<>();
        List<IpAddressMatcher> matchers = new ArrayList<>();
        for (String raw : given) {
            String block = normalise(raw);
            if (!blocks.contains(block)) {
                blocks.add(block);
                matchers.add(new IpAddressMatcher(block));
            }
        }
        return new AddressBlocks(blocks, matchers);
    }

    List<String> blocks() {
        return blocks;
    }

    boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether the address is in one of the blocks; always for an empty list, never for an unknown address. */
    boolean allows(@Nullable String address) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (address == null || !isLiteral(address.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (IpAddressMatcher matcher : matchers) {
            if (matcher.matches(address)) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(@Nullable String raw) {
        String block = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        int slash = block.indexOf('/');
        String address = slash < 0 ? block : block.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("\"" + shown(raw) + "\" is not an IPv4 or IPv6 address or CIDR block.");
        }
        boolean v4 = IPV4.matcher(address).matches();
        int most = v4 ? 32 : 128;
        int prefix = most;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(block.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > most) {
                throw new IllegalArgumentException(
                        "\"" + shown(raw) + "\" has a prefix length outside 0 to " + most + ".");
            }
        }
        return address + "/" + prefix;
    }

    private static boolean isLiteral(String address) {
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!IPV6.matcher(address).matches() || address.indexOf(':') < 0) {
            return false;
        }
        try {
            // A literal with colons is parsed, never looked up.
            return java.net.InetAddress.getByName(address) instanceof java.net.InetAddress;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String shown(@Nullable String raw) {
        String text = raw == null ? "" : raw.strip();
        return text.length() > 50 ? text.substring(0, 50) + "…" : text;
    }
}
