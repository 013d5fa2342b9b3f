package io.selvedge.crypto.internal;

import io.selvedge.crypto.FileCipher;
import io.selvedge.crypto.FileCiphers;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.platform.Transfers;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import io.selvedge.storage.GroupDataPlanes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Joins the group's file cipher (Tink streaming AEAD, the file id as associated data) to the blob store
 * of the group's region: bytes are hashed and encrypted on their way in, and the blob is committed only
 * after the last encrypted segment is written.
 */
@Service
@RequiredArgsConstructor
class EncryptedGroupFiles implements GroupFiles {

    static final String FILES = "files/";
    /** Where a file's old ciphertext waits while the file is re-encrypted under a new key. */
    static final String BACKUPS = "rekey/";

    private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final FileCiphers ciphers;
    private final GroupDataPlanes planes;
    private final Transfers transfers;

    @Override
    public StoredFile write(UUID groupId, String fileId, InputStream content) throws IOException {
        FileCipher cipher = ciphers.of(groupId);
        BlobStore blobs = planes.of(groupId).blobs();
        MessageDigest sha256 = sha256();
        long size;
        BlobUpload upload = blobs.create(key(fileId));
        try {
            // The request's thread reads (and decrypts TLS); a transfer thread hashes, encrypts and stores.
            try (InputStream source = content;
                    OutputStream encrypting = new DigestOutputStream(cipher.encrypting(upload, fileId), sha256)) {
                size = transfers.writeBehind(source, encrypting);
            }
            upload.commit();
        } finally {
            upload.abort(); // nothing after a commit; drops the partial blob after a failure
        }
        return new StoredFile(fileId, size, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public InputStream open(UUID groupId, String fileId) throws IOException {
        FileCipher cipher = ciphers.of(groupId);
        return cipher.decrypting(planes.of(groupId).blobs().open(key(fileId)), fileId);
    }

    @Override
    public SeekableByteChannel openChannel(UUID groupId, String fileId) throws IOException {
        FileCipher cipher = ciphers.of(groupId);
        return cipher.decrypting(planes.of(groupId).blobs().openChannel(key(fileId)), fileId);
    }

    @Override
    public boolean delete(UUID groupId, String fileId) throws IOException {
        BlobStore blobs = planes.of(groupId).blobs();
        blobs.delete(backupKey(fileId)); // or an interrupted re-encryption would bring the file back
        return blobs.delete(key(fileId));
    }

    @Override
    public List<String> list(UUID groupId, String prefix) throws IOException {
        try (Stream<String> keys = planes.of(groupId).blobs().list(key(prefix))) {
            return keys.map(stored -> stored.substring(FILES.length())).toList();
        }
    }

    static String key(String fileId) {
        if (fileId == null || !FILE_ID.matcher(fileId).matches() || fileId.contains("..")) {
            throw new IllegalArgumentException("A file id is 1 to 128 letters, digits, dots, dashes or underscores");
        }
        return FILES + fileId;
    }

    static String backupKey(String fileId) {
        return BACKUPS + key(fileId).substring(FILES.length());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
