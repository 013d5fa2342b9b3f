package io.selvedge.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.web.http.CookieSerializer;

/**
 * Web session ids stored as hashes, as every other secret is. The cookie carries the secret (256 random
 * bits); Spring Session knows a session only by the SHA-256 of it, which is what its table holds, so a
 * copy of the table opens no session. The two halves: the id generator makes the secret and hands Spring
 * Session its hash, keeping the secret for the one cookie this thread writes next; the cookie serializer
 * reads the secret from the cookie and answers its hash, and writes the secret where the id is asked.
 */
final class HashedSessionIds implements SessionIdGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The last secret made on this thread and its hash, until its cookie is written: one at a time. */
    private static final ThreadLocal<String[]> ISSUED = new ThreadLocal<>();

    @Override
    public String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = hash(secret);
        ISSUED.set(new String[] {id, secret});
        return id;
    }

    /** The id Spring Session knows a session by: the hex SHA-256 of the cookie's secret (64 characters). */
    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The secret of a session id made on this thread, taken once; null for any other id. */
    @Nullable
    private static String takeSecretOf(String id) {
        String[] issued = ISSUED.get();
        if (issued == null || !issued[0].equals(id)) {
            return null;
        }
        ISSUED.remove();
        return issued[1];
    }

    /** Boot's cookie serializer (name, flags, same-site from configuration), speaking secrets to the browser. */
    static final class Cookies implements CookieSerializer {

        private final CookieSerializer cookies;

        Cookies(CookieSerializer cookies) {
            this.cookies = cookies;
        }

        @Override
        public List<String> readCookieValues(jakarta.servlet.http.HttpServletRequest request) {
            return cookies.readCookieValues(request).stream()
                    .map(HashedSessionIds::hash)
                    .toList();
        }

        @Override
        public void writeCookieValue(CookieValue value) {
            String id = value.getCookieValue();
            if (id == null || id.isEmpty()) {
                cookies.writeCookieValue(value); // expiring the cookie
                return;
            }
            String secret = takeSecretOf(id);
            if (secret == null) {
                // Not made on this thread: the request's own cookie, if it is this session's; else none.
                secret = cookies.readCookieValues(value.getRequest()).stream()
                        .filter(candidate -> hash(candidate).equals(id))
                        .findFirst()
                        .orElse(null);
            }
            if (secret == null) {
                return; // a cookie holding the hash would not open the session anyway
            }
            CookieValue written = new CookieValue(value.getRequest(), value.getResponse(), secret);
            written.setCookieMaxAge(value.getCookieMaxAge());
            cookies.writeCookieValue(written);
        }
    }
}
