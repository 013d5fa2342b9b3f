package io.selvedge.storage.internal;

import io.selvedge.storage.BackupManifest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a backup: each is hashed (SHA-256) as it is written, and checked against the manifest
 * before anything is restored. Paths are {@code /}-separated and stay inside the folder.
 */
final class BackupFolder {

    private final Path root;
    private final Map<String, BackupManifest.FileEntry> written = new TreeMap<>();

    BackupFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Map<String, BackupManifest.FileEntry> written() {
        return written;
    }

    /** A new file; its hash is recorded when the stream is closed. */
    OutputStream create(String path) throws IOException {
        Path file = resolve(path);
        Files.createDirectories(file.getParent());
        MessageDigest digest = sha256();
        OutputStream out = Files.newOutputStream(file);
        return new FilterOutputStream(out) {
            private long bytes;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                digest.update((byte) b);
                bytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                digest.update(b, off, len);
                bytes += len;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                super.close();
                written.put(path, new BackupManifest.FileEntry(HexFormat.of().formatHex(digest.digest()), bytes));
            }
        };
    }

    /** A file of the backup, for reading; its hash is not checked here (see {@link #verify}). */
    InputStream open(String path) throws IOException {
        return Files.newInputStream(resolve(path));
    }

    /** Hashes every file the manifest names; throws naming the first that is missing or differs. */
    void verify(BackupManifest manifest) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (Map.Entry<String, BackupManifest.FileEntry> entry :
                manifest.files().entrySet()) {
            Path file = resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                throw new BackupRefusedException("the backup lacks the file " + entry.getKey());
            }
            MessageDigest digest = sha256();
            long bytes = 0;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            if (!hash.equals(entry.getValue().sha256())
                    || bytes != entry.getValue().bytes()) {
                throw new BackupRefusedException("the file " + entry.getKey()
                        + " does not match its SHA-256 in the manifest: it was changed or damaged");
            }
        }
    }

    Path resolve(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            throw new BackupRefusedException("the backup names a file outside its folder: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new BackupRefusedException("the backup names a file outside its folder: " + path);
            }
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root)) {
            throw new BackupRefusedException("the backup names a file outside its folder: " + path);
        }
        return file;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
