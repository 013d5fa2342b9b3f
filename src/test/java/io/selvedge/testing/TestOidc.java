package io.selvedge.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.SignedJWT;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.http.Ssl;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.Headers;

/**
 * The OIDC provider of the test JVM: NAV's mock-oauth2-server over TLS (its own self-signed certificate,
 * which connections trust through {@code caCertificatePem}), started once. Any issuer id names an issuer
 * with its own signing keys ({@code https://localhost:port/<id>}); it signs in whoever the next queued
 * callback says, without a login page.
 */
public final class TestOidc {

    private static final TestOidc INSTANCE = new TestOidc();

    private final MockOAuth2Server server;
    private final Ssl ssl = new Ssl();
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();

    private TestOidc() {
        OAuth2Config config = new OAuth2Config(
                false,
                null,
                null,
                false,
                new OAuth2TokenProvider(new KeyProvider()),
                Collections.emptySet(),
                new MockWebServerWrapper(ssl));
        server = new MockOAuth2Server(config, new QueuedAnswers(answers));
        server.start();
    }

    /** The issuer URL of an issuer id, as connections name it. */
    public static String issuer(String issuerId) {
        return INSTANCE.server.issuerUrl(issuerId).toString().replaceAll("/+$", "");
    }

    /** The provider's TLS certificate, PEM. */
    public static String certificatePem() {
        try {
            Certificate certificate = certificate();
            StringWriter pem = new StringWriter();
            pem.write("-----BEGIN CERTIFICATE-----\n");
            pem.write(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()));
            pem.write("\n-----END CERTIFICATE-----\n");
            return pem.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Certificate certificate() {
        try {
            KeyStore keys = INSTANCE.ssl.getSslKeystore().getKeyStore();
            return keys.getCertificate(keys.aliases().nextElement());
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser for the provider's pages: its certificate trusted, cookies kept, no redirects followed. */
    public static HttpClient browser() {
        return HttpClient.newBuilder()
                .sslContext(TestHttps.trusting((java.security.cert.X509Certificate) certificate()))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * The next sign-in at the issuer is this person: {@code sub} = the address, and these claims in the ID
     * token ({@code email}, {@code name}, {@code groups}...).
     */
    public static void nextSignIn(String issuerId, String email, Map<String, Object> claims) {
        nextSignIn(issuerId, email, null, claims, 3600);
    }

    /** The same, with the audience and lifetime given (null audience: the client id, as a provider does). */
    public static void nextSignIn(
            String issuerId, String email, List<String> audience, Map<String, Object> claims, long lifetimeSeconds) {
        INSTANCE.server.enqueueCallback(new DefaultOAuth2TokenCallback(
                issuerId, email, JOSEObjectType.JWT.getType(), audience, claims, lifetimeSeconds));
    }

    /** A token signed by the issuer's own key, with these claims (nothing else checked). */
    public static SignedJWT signed(String issuerId, String subject, List<String> audience, Map<String, Object> claims) {
        return INSTANCE.server.issueToken(
                issuerId,
                "selvedge",
                new DefaultOAuth2TokenCallback(
                        issuerId, subject, JOSEObjectType.JWT.getType(), audience, claims, 3600));
    }

    /**
     * The provider's next answer to a request whose path ends with {@code pathEnd} (e.g. {@code /token}, for a
     * token response the test made), instead of its own.
     */
    public static void nextAnswer(String pathEnd, String contentType, String body) {
        INSTANCE.answers.add(new Answer(pathEnd, contentType, body));
    }

    private record Answer(String pathEnd, String contentType, String body) {}

    /** Serves the queued answers, each once, before the provider's own routes. */
    private record QueuedAnswers(Queue<Answer> answers) implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            Answer next = answers.peek();
            return next != null && request.getUrl().encodedPath().endsWith(next.pathEnd());
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            Answer next = answers.remove();
            return new OAuth2HttpResponse(
                    Headers.of("Content-Type", next.contentType()),
                    200,
                    next.body(),
                    next.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
