package io.selvedge.crypto.internal;

import com.google.crypto.tink.StreamingAead;
import io.selvedge.crypto.FileCipher;
import io.selvedge.crypto.FileCiphers;
import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.GroupDataPlanes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings a group's files under its newest file key after a rotation, one file at a time: the old
 * ciphertext is kept under a backup key ({@code rekey/<fileId>}), the new one is committed under the
 * file's own key (a commit replaces atomically), decrypted again and compared by SHA-256 with the old
 * plaintext, and only then is the backup deleted; a copy that does not verify is replaced by the backup.
 * A backup left by a crash is reconciled before the file is looked at again. Plaintext only streams
 * through memory; both copies at rest are ciphertext.
 */
@Component
@RequiredArgsConstructor
class GroupFileReEncryption implements ReEncryptable {

    private static final Logger log = LoggerFactory.getLogger(GroupFileReEncryption.class);

    private final GroupDataPlanes planes;
    private final FileCiphers ciphers;
    private final Keysets keysets;

    @Override
    public String name() {
        return "crypto.group-files";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        try (Stream<String> keys = planes.of(groupId).blobs().list(EncryptedGroupFiles.FILES)) {
            return keys.map(key -> key.substring(EncryptedGroupFiles.FILES.length()))
                    .filter(fileId -> after == null || fileId.compareTo(after) > 0)
                    .sorted()
                    .limit(limit)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of group " + groupId, e);
        }
    }

    @Override
    public boolean reEncrypt(UUID groupId, String fileId, ReEncryption reEncryption) {
        BlobStore blobs = planes.of(groupId).blobs();
        FileCipher cipher = ciphers.of(groupId);
        String key = EncryptedGroupFiles.key(fileId);
        String backup = EncryptedGroupFiles.backupKey(fileId);
        try {
            if (blobs.exists(backup)) {
                reconcile(blobs, cipher, fileId, key, backup);
            }
            if (!blobs.exists(key) || !isStale(groupId, blobs, key, fileId)) {
                return false;
            }
            byte[] old = plaintextHash(cipher.decrypting(blobs.open(key), fileId)); // fails loudly if damaged
            blobs.write(backup, out -> copy(blobs, key, out));
            MessageDigest written = sha256();
            blobs.write(key, out -> {
                try (OutputStream encrypting = cipher.encrypting(out, fileId);
                        InputStream plaintext =
                                new DigestInputStream(cipher.decrypting(blobs.open(backup), fileId), written)) {
                    plaintext.transferTo(encrypting);
                }
            });
            if (!MessageDigest.isEqual(written.digest(), old)
                    || !MessageDigest.isEqual(hashUnderPrimary(groupId, blobs, key, fileId), old)) {
                restore(blobs, key, backup);
                throw new IllegalStateException(
                        "The new copy of file " + fileId + " did not verify; the old one is back");
            }
            blobs.delete(backup);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot re-encrypt file " + fileId + " of group " + groupId, e);
        }
    }

    /**
     * A backup left by a crash: the file stays if it reads back whole (as the backup's plaintext, when the
     * backup reads too); otherwise the backup is put back.
     */
    private void reconcile(BlobStore blobs, FileCipher cipher, String fileId, String key, String backup)
            throws IOException {
        byte[] kept = hashOrNull(cipher, blobs, backup, fileId);
        byte[] current = blobs.exists(key) ? hashOrNull(cipher, blobs, key, fileId) : null;
        if (current != null && (kept == null || MessageDigest.isEqual(current, kept))) {
            blobs.delete(backup);
        } else if (kept != null) {
            log.warn("Restoring file {} from the backup left by an interrupted re-encryption", fileId);
            restore(blobs, key, backup);
        } else {
            throw new IllegalStateException("Neither file " + fileId + " nor its re-encryption backup reads back");
        }
    }

    private static byte[] hashOrNull(FileCipher cipher, BlobStore blobs, String key, String fileId) {
        try {
            return plaintextHash(cipher.decrypting(blobs.open(key), fileId));
        } catch (IOException e) {
            return null;
        }
    }

    private static void restore(BlobStore blobs, String key, String backup) throws IOException {
        blobs.write(key, out -> copy(blobs, backup, out));
        blobs.delete(backup);
    }

    /** Whether the file's first segment fails to decrypt under the primary key alone. */
    private boolean isStale(UUID groupId, BlobStore blobs, String key, String fileId) throws IOException {
        try (InputStream in =
                primaryOnly(groupId).newDecryptingStream(blobs.open(key), TinkFileCiphers.associatedData(fileId))) {
            in.read();
            return false;
        } catch (IOException | GeneralSecurityException e) {
            return true; // under an older key (or damaged: the full decryption then fails loudly)
        }
    }

    /** The plaintext's SHA-256, decrypted with the primary key alone; empty if it does not decrypt so. */
    private byte[] hashUnderPrimary(UUID groupId, BlobStore blobs, String key, String fileId) {
        try {
            return plaintextHash(
                    primaryOnly(groupId).newDecryptingStream(blobs.open(key), TinkFileCiphers.associatedData(fileId)));
        } catch (IOException | GeneralSecurityException e) {
            return new byte[0];
        }
    }

    private StreamingAead primaryOnly(UUID groupId) {
        return keysets.keysOf(keysets.ownerOf(groupId)).filesPrimaryOnly();
    }

    private static void copy(BlobStore blobs, String from, OutputStream to) throws IOException {
        try (InputStream in = blobs.open(from)) {
            in.transferTo(to);
        }
    }

    /** Reads the plaintext to its end and closes it; returns its SHA-256. */
    private static byte[] plaintextHash(InputStream plaintext) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(plaintext, sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
