package io.selvedge.sso.internal.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.VerifiedIdentity;
import io.selvedge.sso.internal.OidcPresets;
import io.selvedge.sso.internal.SignInEmails;
import java.net.IDN;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Our checks of an ID token's claims, after Spring Security verified its signature, issuer, audience, times
 * and nonce ({@link OidcSignIn#identityOf}, then {@link SignInEmails#connected} as {@code SsoSignIns} does):
 * any claims (any JSON type for {@code email}, {@code email_verified}, {@code preferred_username}, {@code hd},
 * the names, {@code amr}, {@code acr}, the groups claim), as Spring's claim converter hands them over, give a
 * person or an {@link SsoSignInRefusedException} with a known reason, never another exception; a person is one
 * address (no blank, control character or second {@code @}) in one of the connection's domains, the address
 * the token claims, and for Google from one of its Workspace domains ({@code hd}). Corpus:
 * {@code OidcClaimsFuzzTestInputs/}.
 */
class OidcClaimsFuzzTest {

    private static final List<String> DOMAINS = List.of("example.com", "xn--bcher-kva.example");
    private static final String[] PRESETS = {"", OidcPresets.GOOGLE, OidcPresets.OKTA, OidcPresets.ENTRA};
    private static final String[] GROUP_CLAIMS = {"groups", "roles", "email", "hd", "amr"};
    private static final Set<String> REASONS =
            Set.of("email-not-verified", "no-email", "wrong-hosted-domain", "domain-not-connected");
    private static final Converter<Map<String, Object>, Map<String, Object>> SPRING_CLAIMS =
            OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter();

    @FuzzTest
    void anyClaimsGiveAPersonOfTheConnectionsDomainsOrAReasonedRefusal(FuzzedDataProvider data) {
        String preset = data.pickValue(PRESETS);
        String groupsClaim = data.pickValue(GROUP_CLAIMS);
        ConnectionSettings settings = settings(preset.isEmpty() ? null : preset, groupsClaim);
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String claim : new String[] {
            "email",
            "email_verified",
            "preferred_username",
            "hd",
            "name",
            "given_name",
            "family_name",
            "amr",
            "acr",
            groupsClaim
        }) {
            Object value = value(data, claim.equals("email") || claim.equals("preferred_username"), 0);
            if (value != null) {
                claims.put(claim, value);
            }
        }
        Map<String, Object> converted;
        try {
            converted = SPRING_CLAIMS.convert(claims);
        } catch (RuntimeException springRefused) {
            return; // Spring's decoder refuses such a token before our checks see it
        }
        OidcIdToken token = OidcIdToken.withTokenValue("t")
                .subject("ana")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claims(all -> all.putAll(converted))
                .build();

        VerifiedIdentity identity;
        String address;
        try {
            identity = OidcSignIn.identityOf(settings, token);
            address = SignInEmails.connected(identity.email(), settings.domains());
        } catch (SsoSignInRefusedException refused) {
            assertThat(refused.reason()).isIn(REASONS);
            return;
        }
        String claimed = token.getEmail();
        if ((claimed == null || claimed.isBlank()) && OidcPresets.ENTRA.equals(preset)) {
            claimed = token.getPreferredUsername();
        }
        assertThat(claimed).isNotNull();
        assertThat(address).isEqualTo(claimed.strip().toLowerCase(Locale.ROOT));
        assertThat(address).matches("[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]+@[^@\\s\\p{Cc}\\p{Cf}\\p{Z}]+");
        String domain = address.substring(address.indexOf('@') + 1);
        assertThat(IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT))
                .isIn(DOMAINS);
        if (OidcPresets.GOOGLE.equals(preset)) {
            assertThat(token.getClaimAsString("hd").strip().toLowerCase(Locale.ROOT))
                    .isIn(DOMAINS);
        }
        assertThat(token.getEmailVerified()).isNotEqualTo(Boolean.FALSE);
        assertThat(identity.idpGroups()).doesNotContainNull();
    }

    /** A claim's value as JSON gives it: absent, text (often an address near one of ours), a list, an object. */
    private static @Nullable Object value(FuzzedDataProvider data, boolean address, int depth) {
        return switch (data.consumeInt(0, depth > 1 ? 4 : 6)) {
            case 0 -> null;
            case 1 ->
                address
                        ? data.consumeString(20)
                                + data.pickValue(new String[] {"@", "@@", "@ ", ""})
                                + data.pickValue(new String[] {
                                    "example.com",
                                    "EXAMPLE.com ",
                                    "bücher.example",
                                    "example.com.",
                                    "evil.test",
                                    "example\u3002com",
                                    "sub.example.com",
                                    ""
                                })
                                + data.consumeString(8)
                        : data.pickValue(new String[] {"true", "false", "example.com", "mfa", ""})
                                + data.consumeString(20);
            case 2 -> data.consumeBoolean();
            case 3 -> data.consumeLong();
            case 4 -> data.consumeString(40);
            case 5 -> {
                List<@Nullable Object> list = new ArrayList<>();
                int count = data.consumeInt(0, 3);
                for (int i = 0; i < count; i++) {
                    list.add(value(data, address, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, @Nullable Object> object = new LinkedHashMap<>();
                object.put(data.consumeString(8), value(data, address, depth + 1));
                yield object;
            }
        };
    }

    private static ConnectionSettings settings(@Nullable String preset, String groupsClaim) {
        return ConnectionSettings.oidc(
                new ConnectionSettings.Common("Fuzz", DOMAINS, true, null, List.of(), null),
                preset,
                "https://idp.example.com",
                "client",
                groupsClaim);
    }
}
