package io.selvedge.crypto.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;

/**
 * The text file of a local key store: a header that records how its sealing key is derived (the KDF
 * and its parameters, the salt, the kind of master key) and the sealed key material. Written whole to
 * a temporary file readable only by the owner, then moved over the old one.
 */
record LocalKeyStoreFile(String store, MasterKey.Source master, Kdf kdf, byte[] salt, byte[] sealed) {

    static final String FORMAT = "selvedge-local-key-store-1";

    /** The KDF of the sealing key: Argon2id for passphrases, HKDF-SHA256 for key files (already random). */
    record Kdf(String name, int memoryKib, int iterations, int parallelism) {

        static Kdf argon2id() {
            // RFC 9106's second recommended option: 64 MiB, 3 passes; one lane, as the machines are small.
            return new Kdf("argon2id", 65536, 3, 1);
        }

        static Kdf hkdf() {
            return new Kdf("hkdf-sha256", 0, 0, 0);
        }

        boolean isArgon2id() {
            return name.equals("argon2id");
        }
    }

    static LocalKeyStoreFile read(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        if (!FORMAT.equals(properties.getProperty("format"))) {
            throw new IOException(file + " is not a Selvedge local key store");
        }
        Kdf kdf = new Kdf(
                properties.getProperty("kdf"),
                Integer.parseInt(properties.getProperty("argon2id.memory-kib", "0")),
                Integer.parseInt(properties.getProperty("argon2id.iterations", "0")),
                Integer.parseInt(properties.getProperty("argon2id.parallelism", "0")));
        return new LocalKeyStoreFile(
                properties.getProperty("store"),
                MasterKey.Source.valueOf(properties.getProperty("master")),
                kdf,
                Base64.getDecoder().decode(properties.getProperty("salt")),
                Base64.getDecoder().decode(properties.getProperty("sealed")));
    }

    LocalKeyStoreFile withSealed(byte[] newSealed) {
        return new LocalKeyStoreFile(store, master, kdf, salt, newSealed);
    }

    void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# The sealed key-encrypting keys of the ")
                .append(store)
                .append(" store. Do not edit; keep backups of it apart from the stores' backups.\n")
                .append("format=")
                .append(FORMAT)
                .append("\nstore=")
                .append(store)
                .append("\nmaster=")
                .append(master.name())
                .append("\nkdf=")
                .append(kdf.name());
        if (kdf.isArgon2id()) {
            text.append("\nargon2id.memory-kib=")
                    .append(kdf.memoryKib())
                    .append("\nargon2id.iterations=")
                    .append(kdf.iterations())
                    .append("\nargon2id.parallelism=")
                    .append(kdf.parallelism());
        }
        text.append("\nsalt=")
                .append(Base64.getEncoder().encodeToString(salt))
                .append("\nsealed=")
                .append(Base64.getEncoder().encodeToString(sealed))
                .append('\n');
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(
                        directory,
                        ".keys-",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".keys-", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
