package io.selvedge.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.selvedge.platform.StartupRefusedException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SELVEDGE_TRUSTED_PROXIES} is read or refuses the start naming the entry; the address a proxy
 * forwards is an IP literal in canonical form or nothing, and its canonical form is a fixed point; no
 * forwarded address makes the trust decision throw. Corpus: {@code TrustedProxiesFuzzTestInputs/}.
 */
class TrustedProxiesFuzzTest {

    @FuzzTest
    void proxiesAreReadOrRefusedAndAnyForwardedAddressIsDecided(FuzzedDataProvider data) {
        List<String> entries = new ArrayList<>();
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
            entries.add(data.consumeString(60));
        }
        String forwarded = data.consumeRemainingAsString();
        TrustedProxies.literal(forwarded).ifPresent(canonical -> {
            assertThat(canonical).matches("[0-9a-f:.%A-Za-z_]+");
            assertThat(TrustedProxies.literal(canonical)).contains(canonical);
        });
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.of(entries);
        } catch (StartupRefusedException refused) {
            return;
        }
        if (!proxies.behindCloudflare()) {
            assertThat(proxies.rangeCount()).isLessThanOrEqualTo(entries.size());
        }
        boolean trusted = proxies.trusts(forwarded);
        if (trusted) {
            assertThat(TrustedProxies.literal(forwarded)).isPresent();
        }
    }
}
