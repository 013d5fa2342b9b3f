package io.selvedge.monitoring.internal.routing;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Where a channel may point: an e-mail address, or an https URL whose host the installation allows
 * ({@code selvedge.monitoring.allowed-hosts}) and that is not a loopback, link-local or private address unless
 * its host is named there exactly. Checked when a channel is saved and again before each request, since a
 * name may resolve elsewhere later.
 */
final class ChannelTargets {

    static final String PAGERDUTY_EVENTS = "https://events.pagerduty.com/v2/enqueue";

    private final List<String> allowedHosts;

    ChannelTargets(List<String> allowedHosts) {
        this.allowedHosts = List.copyOf(allowedHosts);
    }

    /** The target to store for a channel of this kind. */
    String checked(ChannelKind kind, @Nullable String target) {
        String given = target == null ? "" : target.strip();
        if (kind == ChannelKind.PAGERDUTY && given.isEmpty()) {
            given = PAGERDUTY_EVENTS;
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException(
                    kind == ChannelKind.EMAIL ? "Give the address to mail." : "Give the channel's https URL.");
        }
        if (kind == ChannelKind.EMAIL) {
            if (given.length() > 320
                    || given.indexOf('@') < 1
                    || given.indexOf('@') == given.length() - 1
                    || given.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
                throw new IllegalArgumentException("The target of an e-mail channel is one e-mail address.");
            }
            return given;
        }
        URI uri = uri(given);
        try {
            refusePrivate(uri, InetAddress.getAllByName(uri.getHost()));
        } catch (UnknownHostException e) {
            // Not resolvable now: nothing to refuse yet; the address is checked again before each request.
        }
        return uri.toString();
    }

    /** The URL of a stored channel, checked again where its host resolves now. */
    URI forRequest(String target) throws UnknownHostException {
        URI uri = uri(target);
        refusePrivate(uri, InetAddress.getAllByName(uri.getHost()));
        return uri;
    }

    private URI uri(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The channel's target is not a URL.");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("A channel's URL is https://host/path, without user or password.");
        }
        if (url.length() > 2048) {
            throw new IllegalArgumentException("A channel's URL is at most 2048 characters.");
        }
        String host = host(uri);
        if (!allowedHosts.isEmpty()
                && allowedHosts.stream()
                        .noneMatch(pattern -> pattern.startsWith("*.")
                                ? host.endsWith(pattern.substring(1))
                                : host.equals(pattern))) {
            throw new IllegalArgumentException("The channel's host (" + host
                    + ") is not among the hosts this installation allows" + " (selvedge.monitoring.allowed-hosts).");
        }
        return uri;
    }

    private void refusePrivate(URI uri, InetAddress[] addresses) {
        String host = host(uri);
        if (allowedHosts.contains(host)) {
            return; // named exactly by the operator: an internal receiver on purpose
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new IllegalArgumentException("The channel's host (" + host + ") is a loopback or private"
                        + " address; name it in selvedge.monitoring.allowed-hosts to allow it.");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        boolean sharedV4 = raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
        return address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || uniqueLocalV6
                || sharedV4;
    }

    private static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
