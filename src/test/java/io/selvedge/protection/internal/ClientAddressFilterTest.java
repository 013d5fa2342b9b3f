package io.selvedge.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.StartupRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ClientAddressFilterTest {

    static final ClientAddressFilter BEHIND_A_BALANCER =
            new ClientAddressFilter(TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8:1::/48")));
    static final ClientAddressFilter BEHIND_CLOUDFLARE =
            new ClientAddressFilter(TrustedProxies.of(List.of("cloudflare")));
    static final ClientAddressFilter NO_PROXY = new ClientAddressFilter(TrustedProxies.of(List.of()));

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        MockHttpServletRequest request = from("198.51.100.9");
        request.addHeader("X-Forwarded-For", "203.0.113.66");
        request.addHeader("Forwarded", "for=203.0.113.67");
        request.addHeader("CF-Connecting-IP", "203.0.113.68");

        assertThat(seenBy(BEHIND_A_BALANCER, request)).isEqualTo("198.51.100.9");
        assertThat(seenBy(BEHIND_CLOUDFLARE, request)).isEqualTo("198.51.100.9");
        assertThat(seenBy(NO_PROXY, request)).isEqualTo("198.51.100.9");
    }

    @Test
    void aTrustedPeersForwardedForNamesTheClient() throws Exception {
        MockHttpServletRequest request = from("10.1.2.3", "X-Forwarded-For", "203.0.113.66");

        assertThat(seenBy(BEHIND_A_BALANCER, request)).isEqualTo("203.0.113.66");
    }

    @Test
    void theChainIsReadFromTheRightSoAnAddressTheClientPrependedIsNotBelieved() throws Exception {
        MockHttpServletRequest request = from("10.1.2.3", "X-Forwarded-For", "192.0.2.1, 203.0.113.66, 10.9.9.9");

        assertThat(seenBy(BEHIND_A_BALANCER, request)).isEqualTo("203.0.113.66");
    }

    @Test
    void forwardedWinsOverXForwardedForAndItsPortsAndBracketsAreDropped() throws Exception {
        MockHttpServletRequest request = from("10.1.2.3");
        request.addHeader("X-Forwarded-For", "192.0.2.1");
        request.addHeader("Forwarded", "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\"");

        assertThat(seenBy(BEHIND_A_BALANCER, request)).isEqualTo("2001:db8:cafe:0:0:0:0:17");

        MockHttpServletRequest v4 = from("10.1.2.3", "Forwarded", "for=\"192.0.2.43:8080\"");
        assertThat(seenBy(BEHIND_A_BALANCER, v4)).isEqualTo("192.0.2.43");
    }

    @Test
    void garbageOrAHostNameInTheChainStopsTheWalkAtTheLastTrustedHop() throws Exception {
        MockHttpServletRequest request = from("10.1.2.3", "X-Forwarded-For", "203.0.113.66, evil.example, 10.4.4.4");

        assertThat(seenBy(BEHIND_A_BALANCER, request)).isEqualTo("10.4.4.4");

        MockHttpServletRequest unknown = from("10.1.2.3", "Forwarded", "for=unknown");
        assertThat(seenBy(BEHIND_A_BALANCER, unknown)).isEqualTo("10.1.2.3");
    }

    @Test
    void cfConnectingIpIsBelievedOnlyFromCloudflare() throws Exception {
        MockHttpServletRequest fromCloudflare = from("172.68.1.1");
        fromCloudflare.addHeader("CF-Connecting-IP", "2001:db8:77::1");
        fromCloudflare.addHeader("X-Forwarded-For", "192.0.2.1");
        assertThat(seenBy(BEHIND_CLOUDFLARE, fromCloudflare)).isEqualTo("2001:db8:77:0:0:0:0:1");

        MockHttpServletRequest fromOwnBalancer = from("10.1.2.3");
        fromOwnBalancer.addHeader("CF-Connecting-IP", "203.0.113.99");
        fromOwnBalancer.addHeader("X-Forwarded-For", "203.0.113.66");
        assertThat(seenBy(BEHIND_A_BALANCER, fromOwnBalancer)).isEqualTo("203.0.113.66");
    }

    @Test
    void cloudflaresPublishedRangesComeFromTheDatedResource() {
        assertThat(TrustedProxies.cloudflareRanges()).contains("173.245.48.0/20", "2606:4700::/32");
        TrustedProxies cloudflare = TrustedProxies.of(List.of("cloudflare"));
        assertThat(cloudflare.trusts("104.16.1.1")).isTrue();
        assertThat(cloudflare.trusts("2606:4700::1")).isTrue();
        assertThat(cloudflare.trusts("8.8.8.8")).isFalse();
    }

    @Test
    void anEntryThatIsNoAddressRefusesTheStart() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", "proxy.internal")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/99"))).isInstanceOf(StartupRefusedException.class);
    }

    @Test
    void onlyIpLiteralsAreAddressesAndNothingIsLookedUp() {
        assertThat(TrustedProxies.literal("192.0.2.1")).hasValue("192.0.2.1");
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("1234")).isEmpty();
        assertThat(TrustedProxies.literal("256.1.1.1")).isEmpty();
        assertThat(TrustedProxies.literal("::1")).hasValue("0:0:0:0:0:0:0:1");
    }

    private static MockHttpServletRequest from(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setRemoteAddr(peer);
        return request;
    }

    /** A request from the peer with one header. */
    private static MockHttpServletRequest from(String peer, String header, String value) {
        MockHttpServletRequest request = from(peer);
        request.addHeader(header, value);
        return request;
    }

    /** The address the rest of the chain sees. */
    private static String seenBy(ClientAddressFilter filter, HttpServletRequest request) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest next, jakarta.servlet.ServletResponse response) {
                seen.set(next.getRemoteAddr());
            }
        });
        return seen.get();
    }
}
