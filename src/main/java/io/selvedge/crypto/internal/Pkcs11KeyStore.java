package io.selvedge.crypto.internal;

import com.google.crypto.tink.Aead;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The {@code pkcs11} key-management service: keys generated inside a PKCS#11 token (an HSM; SoftHSM2 in
 * tests) as sensitive, non-extractable token objects labelled {@code selvedge.<store>.<name>}, used
 * through the JDK's SunPKCS11 provider. AES-256-GCM runs inside the token; the key never leaves it.
 *
 * <p>A ciphertext is the 12-byte random nonce followed by the token's GCM output (ciphertext and
 * 128-bit tag), the layout of every AES-GCM envelope; destruction is {@code C_DestroyObject}.
 */
final class Pkcs11KeyStore implements KeyManagementService {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Provider provider;
    private final KeyStore token;
    private final String prefix;
    private final String description;
    private final SecureRandom random = new SecureRandom();

    private Pkcs11KeyStore(Provider provider, KeyStore token, String prefix, String description) {
        this.provider = provider;
        this.token = token;
        this.prefix = prefix;
        this.description = description;
    }

    /**
     * Logs in to the token.
     *
     * @param slotSetting {@code slot=<id>} or {@code slotListIndex=<n>}, as SunPKCS11 names them
     */
    static Pkcs11KeyStore open(String store, String library, String slotSetting, char[] pin)
            throws GeneralSecurityException {
        String config = "--name=selvedge-" + store + "\nlibrary=" + library + "\n" + slotSetting + "\n"
                // Keys made here are secret to the token: never readable, never exportable.
                + "attributes(*,CKO_SECRET_KEY,CKK_AES) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
        Provider provider = Security.getProvider("SunPKCS11").configure(config);
        KeyStore token = KeyStore.getInstance("PKCS11", provider);
        try {
            token.load(null, pin);
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot log in to the PKCS#11 token (" + slotSetting + ")", e);
        } finally {
            Arrays.fill(pin, '\0');
        }
        return new Pkcs11KeyStore(
                provider, token, "selvedge." + store + ".", "the PKCS#11 token " + slotSetting + " of " + library);
    }

    @Override
    public Aead aead(String name) throws GeneralSecurityException {
        Key key = token.getKey(prefix + name, null);
        if (!(key instanceof SecretKey secretKey)) {
            throw new KeyNotFoundException(name, describe());
        }
        return new TokenAead(secretKey);
    }

    @Override
    public synchronized void create(String name) throws GeneralSecurityException {
        if (token.containsAlias(prefix + name)) {
            throw new GeneralSecurityException("A key named " + name + " exists already in " + describe());
        }
        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        generator.init(256);
        token.setEntry(prefix + name, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
    }

    @Override
    public synchronized void destroy(String name) throws GeneralSecurityException {
        if (token.containsAlias(prefix + name)) {
            token.deleteEntry(prefix + name);
        }
    }

    @Override
    public Set<String> names() throws GeneralSecurityException {
        Set<String> names = new TreeSet<>();
        for (String alias : Collections.list(token.aliases())) {
            if (alias.startsWith(prefix)) {
                names.add(alias.substring(prefix.length()));
            }
        }
        return names;
    }

    /** Whether the named key's material can be read out of the token (it never should). */
    boolean isExtractable(String name) throws GeneralSecurityException {
        Key key = token.getKey(prefix + name, null);
        return key != null && key.getEncoded() != null;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        Security.removeProvider(provider.getName());
    }

    /** AES-256-GCM computed by the token; a new Cipher per call, as a PKCS#11 Cipher is not thread-safe. */
    private final class TokenAead implements Aead {

        private final SecretKey key;

        TokenAead(SecretKey key) {
            this.key = key;
        }

        @Override
        public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
            if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("ciphertext too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(ciphertext, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        }
    }
}
