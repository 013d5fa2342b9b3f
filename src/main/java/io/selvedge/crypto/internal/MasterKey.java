package io.selvedge.crypto.internal;

import com.google.crypto.tink.subtle.Hkdf;
import io.selvedge.crypto.CryptoProperties;
import io.selvedge.platform.OwnerOnlyFiles;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.platform.StartupRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret given to the process that seals the local key stores: a key file, a passphrase (through
 * Argon2id), or, in development and test only, a key file generated on first start. Never stored beside
 * the key stores in production; never printed.
 */
final class MasterKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Source {
        FILE,
        PASSPHRASE,
        DEVELOPMENT
    }

    static final String DEVELOPMENT_MARKER = "# Selvedge development master key";
    static final int MINIMUM_SECRET_BYTES = 32;
    static final int MINIMUM_PASSPHRASE_CHARS = 12;
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final Source source;
    private final byte[] secret;

    private MasterKey(Source source, byte[] secret) {
        this.source = source;
        this.secret = secret;
    }

    /** The master key this node was given, or refuses to start without an acceptable one. */
    static MasterKey resolve(CryptoProperties crypto, PlatformProperties platform) {
        SelvedgeEnvironment environment = platform.environment();
        if (crypto.hasMasterKeyFile() && crypto.hasMasterKeyPassphrase()) {
            throw new StartupRefusedException(
                    "both a master key file and a master key passphrase are set",
                    "Set only one of SELVEDGE_MASTER_KEY_FILE and SELVEDGE_MASTER_KEY_PASSPHRASE.");
        }
        if (crypto.hasMasterKeyPassphrase()) {
            String passphrase = crypto.masterKeyPassphrase();
            if (passphrase.length() < MINIMUM_PASSPHRASE_CHARS) {
                throw new StartupRefusedException(
                        "the master key passphrase is shorter than " + MINIMUM_PASSPHRASE_CHARS + " characters",
                        "Set SELVEDGE_MASTER_KEY_PASSPHRASE to a long passphrase, or use SELVEDGE_MASTER_KEY_FILE.");
            }
            return new MasterKey(Source.PASSPHRASE, passphrase.getBytes(StandardCharsets.UTF_8));
        }
        if (crypto.hasMasterKeyFile()) {
            byte[] content = read(crypto.masterKeyFile());
            boolean generated = isDevelopmentKey(content);
            if (generated && environment.isProduction()) {
                throw new StartupRefusedException(
                        "the master key file " + crypto.masterKeyFile()
                                + " is a development master key generated on first start, which production refuses",
                        "Create a master key of your own (e.g. 'openssl rand -base64 48 > master.key', readable only"
                                + " by the service) and set SELVEDGE_MASTER_KEY_FILE to it.");
            }
            if (content.length < MINIMUM_SECRET_BYTES) {
                throw new StartupRefusedException(
                        "the master key file " + crypto.masterKeyFile() + " holds fewer than " + MINIMUM_SECRET_BYTES
                                + " bytes",
                        "Fill it with a random secret, e.g. 'openssl rand -base64 48 > master.key'.");
            }
            return new MasterKey(generated ? Source.DEVELOPMENT : Source.FILE, content);
        }
        if (environment != SelvedgeEnvironment.DEVELOPMENT && environment != SelvedgeEnvironment.TEST) {
            throw new StartupRefusedException(
                    "the " + environment.id() + " environment needs a master key for the local key stores, and none"
                            + " is set",
                    "Set SELVEDGE_MASTER_KEY_FILE (a file with a random secret, kept apart from the data and its"
                            + " backups) or SELVEDGE_MASTER_KEY_PASSPHRASE, or keep the keys in an HSM"
                            + " (selvedge.crypto.*.kms=pkcs11).");
        }
        return new MasterKey(
                Source.DEVELOPMENT, developmentKey(platform.dataDir().resolve("keys")));
    }

    static boolean isDevelopmentKey(byte[] content) {
        byte[] marker = DEVELOPMENT_MARKER.getBytes(StandardCharsets.UTF_8);
        return content.length >= marker.length && Arrays.equals(Arrays.copyOf(content, marker.length), marker);
    }

    Source source() {
        return source;
    }

    /** The 256-bit sealing key of one key store, from the master secret and the parameters in its file. */
    byte[] derive(LocalKeyStoreFile.Kdf kdf, byte[] salt, String info) throws GeneralSecurityException {
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        if (kdf.isArgon2id()) {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt)
                    .withAdditional(infoBytes)
                    .withMemoryAsKB(kdf.memoryKib())
                    .withIterations(kdf.iterations())
                    .withParallelism(kdf.parallelism())
                    .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] key = new byte[32];
            generator.generateBytes(secret, key);
            return key;
        }
        return Hkdf.computeHkdf("HMACSHA256", secret, salt, infoBytes, 32);
    }

    /** The parameters a new key store file records for this master key. */
    LocalKeyStoreFile.Kdf newKdf() {
        return source == Source.PASSPHRASE ? LocalKeyStoreFile.Kdf.argon2id() : LocalKeyStoreFile.Kdf.hkdf();
    }

    void wipe() {
        Arrays.fill(secret, (byte) 0);
    }

    @Override
    public String toString() {
        return "MasterKey[" + source + "]";
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StartupRefusedException(
                    "the master key file " + file + " cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    "Check SELVEDGE_MASTER_KEY_FILE and that the service may read the file.");
        }
    }

    private static synchronized byte[] developmentKey(Path keys) {
        Path file = keys.resolve("development-master.key");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                RANDOM.nextBytes(random);
                OwnerOnlyFiles.write(
                        file,
                        DEVELOPMENT_MARKER + ": generated on first start, refused in production\n"
                                + Base64.getEncoder().encodeToString(random) + "\n");
                log.warn("Generated a development master key at {}; production refuses it", file);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the development master key " + file, e);
        }
    }
}
