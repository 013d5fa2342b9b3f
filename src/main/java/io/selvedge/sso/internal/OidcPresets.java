package io.selvedge.sso.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the OIDC presets fill in and check, for the identity providers customers name most:
 *
 * <ul>
 *   <li>{@code google}: issuer {@code https://accounts.google.com} (filled when none is given); the ID token's
 *       {@code hd} claim (the Workspace domain) must be one of the connection's domains, so a personal Gmail
 *       account or another Workspace is refused even with a matching address.
 *   <li>{@code okta}: the issuer is the Okta org or authorization server, e.g.
 *       {@code https://example.okta.com} or {@code https://example.okta.com/oauth2/default}; groups in the
 *       {@code groups} claim (add a Groups claim to the app).
 *   <li>{@code entra}: the issuer is {@code https://login.microsoftonline.com/<tenant id>/v2.0} (a single
 *       tenant: {@code common}, {@code organizations} and {@code consumers} are refused); groups in the
 *       {@code groups} claim (object ids unless the app emits names); the address from {@code email}, else
 *       {@code preferred_username}.
 * </ul>
 *
 * Any other OIDC provider needs no preset: the issuer's discovery document says the rest.
 */
public final class OidcPresets {

    public static final String GOOGLE = "google";
    public static final String OKTA = "okta";
    public static final String ENTRA = "entra";

    public static final String GOOGLE_ISSUER = "https://accounts.google.com";

    private static final Map<String, String> KNOWN = Map.of(GOOGLE, GOOGLE, OKTA, OKTA, ENTRA, ENTRA);

    private OidcPresets() {}

    /** The preset's name in lower case, or empty for none; unknown names are refused. */
    public static Optional<String> of(@Nullable String preset) {
        if (preset == null || preset.isBlank()) {
            return Optional.empty();
        }
        String name = preset.strip().toLowerCase(Locale.ROOT);
        if (!KNOWN.containsKey(name)) {
            throw new IllegalArgumentException(
                    "preset is one of google, okta, entra (or none, for any OIDC provider).");
        }
        return Optional.of(name);
    }

    /** The issuer to use: a given one, or the preset's own. */
    @Nullable
    public static String issuer(@Nullable String preset, @Nullable String issuer) {
        if ((issuer == null || issuer.isBlank()) && GOOGLE.equals(preset)) {
            return GOOGLE_ISSUER;
        }
        return issuer == null ? null : issuer.strip();
    }

    /** Refuses an issuer the preset cannot work with. */
    public static void check(@Nullable String preset, String issuer) {
        if (ENTRA.equals(preset)) {
            String[] parts = issuer.replaceAll("/+$", "").split("/");
            String tenant = parts.length >= 4 ? parts[3].toLowerCase(Locale.ROOT) : "";
            if (!issuer.startsWith("https://login.microsoftonline.com/")
                    || !issuer.replaceAll("/+$", "").endsWith("/v2.0")
                    || tenant.isEmpty()
                    || tenant.equals("common")
                    || tenant.equals("organizations")
                    || tenant.equals("consumers")) {
                throw new IllegalArgumentException("The entra preset's issuer is"
                        + " https://login.microsoftonline.com/<your tenant id>/v2.0 (one tenant).");
            }
        }
    }
}
