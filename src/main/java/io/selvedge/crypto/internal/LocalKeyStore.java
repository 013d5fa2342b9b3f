package io.selvedge.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyNotFoundException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@code local} key-management service: the keys of one store in a file under
 * {@code <data-dir>/keys/}, sealed (AES-256-GCM) under a key derived from the master key. Each key is a
 * Tink AES256_GCM keyset, held unwrapped in memory only. Every change re-reads the file under a file
 * lock, so an operator command (another process) and the server do not overwrite each other's keys.
 *
 * <p>Destruction rewrites the file without the key; filesystems (journals, SSDs) may keep old blocks,
 * so the strong form of destruction is an HSM's ({@code pkcs11}).
 */
final class LocalKeyStore implements KeyManagementService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final String store;
    private final Aead sealing;
    private final byte[] associatedData;
    private final Map<String, Aead> keys = new ConcurrentHashMap<>();
    private LocalKeyStoreFile header;

    private LocalKeyStore(Path file, String store, LocalKeyStoreFile header, Aead sealing) {
        this.file = file;
        this.store = store;
        this.header = header;
        this.sealing = sealing;
        this.associatedData = (LocalKeyStoreFile.FORMAT + "/" + store).getBytes(StandardCharsets.UTF_8);
    }

    /** Opens the key store file of a store, creating an empty one sealed under {@code master} if absent. */
    static LocalKeyStore open(Path file, String store, MasterKey master) throws GeneralSecurityException, IOException {
        Tink.register();
        LocalKeyStoreFile header;
        if (Files.exists(file)) {
            header = LocalKeyStoreFile.read(file);
            if (!store.equals(header.store())) {
                throw new GeneralSecurityException(file + " holds the keys of the " + header.store() + " store");
            }
            if (header.master() != master.source()
                    && (header.master() == MasterKey.Source.PASSPHRASE
                            || master.source() == MasterKey.Source.PASSPHRASE)) {
                throw new GeneralSecurityException(
                        file + " is sealed under a master key of kind " + header.master() + ", not " + master.source());
            }
        } else {
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            header = new LocalKeyStoreFile(store, master.source(), master.newKdf(), salt, new byte[0]);
        }
        byte[] key = master.derive(header.kdf(), header.salt(), LocalKeyStoreFile.FORMAT + "/" + store);
        LocalKeyStore keyStore;
        try {
            keyStore = new LocalKeyStore(file, store, header, new AesGcmJce(key));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        keyStore.update(entries -> {}); // unseals (failing on a wrong master key) and writes a new file
        return keyStore;
    }

    /** Whether the file was sealed under a generated development master key. */
    boolean sealedUnderDevelopmentKey() {
        return header.master() == MasterKey.Source.DEVELOPMENT;
    }

    @Override
    public Aead aead(String name) throws GeneralSecurityException {
        Aead aead = keys.get(name);
        if (aead == null) {
            reload(); // another process (an operator command) may have added it
            aead = keys.get(name);
        }
        if (aead == null) {
            throw new KeyNotFoundException(name, describe());
        }
        return aead;
    }

    @Override
    public void create(String name) throws GeneralSecurityException {
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        String serialized = Base64.getEncoder()
                .encodeToString(TinkProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        GeneralSecurityException[] exists = new GeneralSecurityException[1];
        update(entries -> {
            if (entries.containsKey(name)) {
                exists[0] = new GeneralSecurityException("A key named " + name + " exists already in " + describe());
            } else {
                entries.setProperty(name, serialized);
            }
        });
        if (exists[0] != null) {
            throw exists[0];
        }
    }

    @Override
    public void destroy(String name) throws GeneralSecurityException {
        update(entries -> entries.remove(name));
    }

    @Override
    public Set<String> names() throws GeneralSecurityException {
        reload();
        return new TreeSet<>(keys.keySet());
    }

    @Override
    public String describe() {
        return "the local key store " + file;
    }

    @Override
    public void close() {
        keys.clear();
    }

    private void reload() throws GeneralSecurityException {
        update(null);
    }

    /** Under the file lock: reads and unseals the file, applies a change (if any) and writes it back sealed. */
    private synchronized void update(Consumer<Properties> change) throws GeneralSecurityException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.exists(file)) {
                    header = LocalKeyStoreFile.read(file);
                }
                Properties entries = unseal(header.sealed());
                if (change != null || !Files.exists(file)) {
                    if (change != null) {
                        change.accept(entries);
                    }
                    header = header.withSealed(seal(entries));
                    header.write(file);
                }
                keys.keySet().retainAll(entries.stringPropertyNames());
                for (String name : entries.stringPropertyNames()) {
                    if (!keys.containsKey(name)) {
                        keys.put(name, primitive(entries.getProperty(name)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + describe(), e);
        }
    }

    private Properties unseal(byte[] sealed) throws GeneralSecurityException, IOException {
        Properties entries = new Properties();
        if (sealed.length > 0) {
            byte[] plaintext = sealing.decrypt(sealed, associatedData);
            try {
                entries.load(new StringReader(new String(plaintext, StandardCharsets.ISO_8859_1)));
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
        return entries;
    }

    private byte[] seal(Properties entries) throws GeneralSecurityException, IOException {
        StringWriter text = new StringWriter();
        entries.store(text, null);
        return sealing.encrypt(text.toString().getBytes(StandardCharsets.ISO_8859_1), associatedData);
    }

    private static Aead primitive(String serialized) throws GeneralSecurityException {
        KeysetHandle handle = TinkProtoKeysetFormat.parseKeyset(
                Base64.getDecoder().decode(serialized), InsecureSecretKeyAccess.get());
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }
}
