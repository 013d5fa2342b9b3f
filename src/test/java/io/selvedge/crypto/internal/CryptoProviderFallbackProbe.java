package io.selvedge.crypto.internal;

import javax.crypto.Cipher;

/**
 * Run in a JVM of its own by {@link CryptoProviderSelectionTest}: ACCP loads its native library once per
 * JVM, so a library that does not load can only be shown in a fresh one. Prints why ACCP was not
 * installed (or {@code installed}) and which provider then serves AES-GCM.
 */
final class CryptoProviderFallbackProbe {

    private CryptoProviderFallbackProbe() {}

    public static void main(String[] args) throws Exception {
        String outcome = CryptoProviderSelection.installAccp();
        System.out.println("outcome: " + (outcome == null ? "installed" : outcome));
        System.out.println("AES/GCM/NoPadding: "
                + Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    }
}
