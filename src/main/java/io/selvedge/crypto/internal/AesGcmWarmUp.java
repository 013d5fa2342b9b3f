package io.selvedge.crypto.internal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Has the JIT compile the JDK's AES-GCM before the first large file arrives. Files are encrypted in
 * 1 MiB segments, one cipher call each, and the JIT compiles AES-GCM (and with it the AES-NI and
 * carry-less multiply intrinsics) only after thousands of calls: until then a fresh server encrypts at
 * about 50 MB/s, so its first gigabyte took 10 s of CPU instead of 0.3 s (bench/README.md). Many small
 * calls, in the shapes Tink makes them, on a throwaway key, on a background thread after start-up.
 * Only where the JDK's own AES-GCM (SunJCE) serves: where AWS-LC does ({@link CryptoProviderSelection}),
 * the work is native and there is nothing for the JIT to catch up on.
 */
@Component
class AesGcmWarmUp {

    static final int CALLS = 20_000;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(AesGcmWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        Thread thread = new Thread(this::runLogged, "aes-gcm-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void runLogged() {
        long started = System.nanoTime();
        try {
            if (!needed()) {
                return;
            }
            run(CALLS);
            log.debug("AES-GCM warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (GeneralSecurityException | RuntimeException e) {
            log.warn("AES-GCM warm-up failed; large files encrypt slowly until the JIT catches up", e);
        }
    }

    /** Whether AES-GCM is the JDK's Java implementation, the one that must be warmed. */
    static boolean needed() throws GeneralSecurityException {
        return "SunJCE"
                .equals(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
    }

    /** Encrypts and decrypts {@code calls} times, checking each round trip; returns the calls made. */
    static int run(int calls) throws GeneralSecurityException {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] plaintext = new byte[1024];
        RANDOM.nextBytes(plaintext);
        byte[] iv = new byte[12];
        ByteBuffer ciphertext = ByteBuffer.allocate(plaintext.length + TAG_BITS / 8);
        ByteBuffer decrypted = ByteBuffer.allocate(plaintext.length);
        for (int i = 0; i < calls; i++) {
            ByteBuffer.wrap(iv).putInt(i);
            // a stream segment: update and doFinal on buffers (Tink's streaming AEAD) ...
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, iv));
            ciphertext.clear();
            cipher.update(ByteBuffer.wrap(plaintext, 0, 512), ciphertext);
            cipher.doFinal(ByteBuffer.wrap(plaintext, 512, 512), ciphertext);
            ciphertext.flip();
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, iv));
            decrypted.clear();
            cipher.doFinal(ciphertext, decrypted);
            // ... and a field: one call on arrays (Tink's AEAD)
            iv[11] = 1;
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, iv));
            byte[] field = cipher.doFinal(plaintext, 0, 64);
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(TAG_BITS, iv));
            byte[] fieldBack = cipher.doFinal(field);
            iv[11] = 0;
            if (!Arrays.equals(decrypted.array(), plaintext) || fieldBack.length != 64) {
                throw new IllegalStateException("AES-GCM did not give back what it encrypted");
            }
        }
        return calls;
    }
}
