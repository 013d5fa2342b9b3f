package io.selvedge.crypto.internal;

import io.selvedge.crypto.FileCipher;
import io.selvedge.crypto.FileCiphers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/** Stream encryption with each group's AES256_GCM_HKDF_1MB streaming-AEAD keyset. */
@Service
@RequiredArgsConstructor
class TinkFileCiphers implements FileCiphers {

    private final Keysets keysets;
    private final TamperAlarm alarm;

    @Override
    public FileCipher of(UUID groupId) {
        return new GroupFileCipher(keysets.ownerOf(groupId));
    }

    static byte[] associatedData(String fileId) {
        return ("selvedge/file/" + fileId).getBytes(StandardCharsets.UTF_8);
    }

    private final class GroupFileCipher implements FileCipher {

        private final KeyOwner owner;

        GroupFileCipher(KeyOwner owner) {
            this.owner = owner;
        }

        @Override
        public OutputStream encrypting(OutputStream ciphertextSink, String fileId) throws IOException {
            try {
                return keysets.keysOf(owner).files().newEncryptingStream(ciphertextSink, associatedData(fileId));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot encrypt the file " + fileId, e);
            }
        }

        @Override
        public InputStream decrypting(InputStream ciphertext, String fileId) throws IOException {
            TamperEvidentStreams.Source source = new TamperEvidentStreams.Source(ciphertext);
            try {
                InputStream plaintext =
                        keysets.keysOf(owner).files().newDecryptingStream(source, associatedData(fileId));
                return new TamperEvidentStreams.Plaintext(plaintext, source, () -> raise(fileId));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot decrypt the file " + fileId, e);
            }
        }

        @Override
        public SeekableByteChannel decrypting(SeekableByteChannel ciphertext, String fileId) throws IOException {
            TamperEvidentStreams.SourceChannel source = new TamperEvidentStreams.SourceChannel(ciphertext);
            try {
                SeekableByteChannel plaintext =
                        keysets.keysOf(owner).files().newSeekableDecryptingChannel(source, associatedData(fileId));
                return new TamperEvidentStreams.PlaintextChannel(plaintext, source, () -> raise(fileId));
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot decrypt the file " + fileId, e);
            }
        }

        private void raise(String fileId) {
            alarm.raise(owner.groupId(), "file", fileId);
        }
    }
}
