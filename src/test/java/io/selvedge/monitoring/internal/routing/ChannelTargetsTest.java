package io.selvedge.monitoring.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelTargetsTest {

    final ChannelTargets anyPublicHost = new ChannelTargets(List.of());

    @Test
    void onlyHttpsUrlsWithoutCredentials() {
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.WEBHOOK, "http://hooks.example.test/a"))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.SLACK, "https://user:pw@hooks.example.test/a"))
                .hasMessageContaining("without user");
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.WEBHOOK, "not a url"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loopbackAndPrivateAddressesAreRefusedUnlessTheirHostIsNamed() {
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.WEBHOOK, "https://127.0.0.1:8443/hook"))
                .hasMessageContaining("loopback or private");
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.WEBHOOK, "https://10.1.2.3/hook"))
                .hasMessageContaining("loopback or private");
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.WEBHOOK, "https://[::1]/hook"))
                .hasMessageContaining("loopback or private");
        assertThat(new ChannelTargets(List.of("127.0.0.1")).checked(ChannelKind.WEBHOOK, "https://127.0.0.1:8443/h"))
                .isEqualTo("https://127.0.0.1:8443/h");
    }

    @Test
    void anAllowListKeepsOtherHostsOut() {
        ChannelTargets listed = new ChannelTargets(List.of("*.pagerduty.com", "hooks.slack.com"));
        assertThat(listed.checked(ChannelKind.PAGERDUTY, "")).isEqualTo(ChannelTargets.PAGERDUTY_EVENTS);
        assertThatThrownBy(() -> listed.checked(ChannelKind.WEBHOOK, "https://elsewhere.example.test/h"))
                .hasMessageContaining("not among the hosts");
    }

    @Test
    void anEmailChannelNamesOneAddress() {
        assertThat(anyPublicHost.checked(ChannelKind.EMAIL, " soc@example.test "))
                .isEqualTo("soc@example.test");
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.EMAIL, "soc@example.test, x@y.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anyPublicHost.checked(ChannelKind.EMAIL, "soc\r\n@example.test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void internalAddressesAreKnown() throws Exception {
        for (String internal : List.of(
                "127.0.0.1",
                "10.0.0.1",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "::1",
                "fd00::1",
                "fe80::1",
                "0.0.0.0")) {
            assertThat(ChannelTargets.isInternal(InetAddress.getByName(internal)))
                    .as(internal)
                    .isTrue();
        }
        assertThat(ChannelTargets.isInternal(InetAddress.getByName("203.0.113.7")))
                .isFalse();
    }
}
