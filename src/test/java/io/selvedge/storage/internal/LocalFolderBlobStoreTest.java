package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import io.selvedge.storage.InvalidBlobKeyException;
import io.selvedge.storage.NoSuchBlobException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path folder;

    @Override
    BlobStore newStore() throws IOException {
        return new LocalFolderBlobStore(folder);
    }

    @Override
    void assertNoUnfinishedUpload(String key) throws IOException {
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aFileLeftByACrashIsNeverListedOrServedAndIsDeletedAtTheNextStart() throws IOException {
        String key = group + "interrupted";
        BlobUpload upload = blobs.create(key);
        upload.write(new byte[2 * MIB]);
        upload.flush();
        // The process dies here: neither commit nor abort ever runs.

        assertThat(temporaryFiles()).hasSize(1);
        assertThat(blobs.exists(key)).isFalse();
        assertThat(listed("")).isEmpty();
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(NoSuchBlobException.class);
        String leftover = folder.relativize(temporaryFiles().get(0)).toString();
        assertThatThrownBy(() -> blobs.open(leftover)).isInstanceOf(InvalidBlobKeyException.class);

        BlobStore restarted = newStore();

        assertThat(temporaryFiles()).isEmpty();
        assertThat(restarted.exists(key)).isFalse();
    }

    @Test
    void aCommittedFileIsReadableByItsOwnerOnly() throws IOException {
        blobs.write(group + "private", out -> out.write(1));

        Path file = folder.resolve(group + "private");
        assertThat(Files.getPosixFilePermissions(file))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> path.getFileName().toString().startsWith(LocalFolderBlobStore.UPLOAD_PREFIX))
                    .toList();
        }
    }
}
