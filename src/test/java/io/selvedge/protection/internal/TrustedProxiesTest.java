package io.selvedge.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void aForwardedAddressWithBlanksAroundItIsDecidedNotThrownOn() {
        // Found by TrustedProxiesFuzzTest: the matcher was given the text as forwarded and threw.
        TrustedProxies proxies = TrustedProxies.of(List.of("2001:db8::/32", "10.0.0.0/8"));

        assertThat(proxies.trusts(" 1:DB8:0:0:0:0:0:1")).isFalse();
        assertThat(proxies.trusts(" 2001:DB8:0:0:0:0:0:1 ")).isTrue();
        assertThat(proxies.trusts("\t10.1.2.3")).isTrue();
        assertThat(proxies.trusts("11.1.2.3")).isFalse();
    }
}
