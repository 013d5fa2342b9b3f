package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.StorageProperties.Blobs;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Incomplete blob settings refuse the start with the setting to fix; secrets never show. */
class BlobStoreSettingsTest {

    static final String PREFIX = "selvedge.storage.region.eu.blobs";

    final S3BlobStoreFactory s3 = new S3BlobStoreFactory();

    @Test
    void anS3RegionWithoutABucketRefusesToStart() {
        Blobs settings = s3(URI.create("https://s3.example.test"), null, "key", "secret");

        assertThatThrownBy(() -> s3.create(StoreId.region("eu"), PREFIX, settings, Path.of("unused")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(PREFIX + ".bucket is not set");
    }

    @Test
    void anS3RegionWithoutAnEndpointRefusesToStart() {
        Blobs settings = s3(null, "selvedge-eu", "key", "secret");

        assertThatThrownBy(() -> s3.create(StoreId.region("eu"), PREFIX, settings, Path.of("unused")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(PREFIX + ".endpoint is not set");
    }

    @Test
    void halfAKeyPairOrATinyPartRefusesToStart() {
        assertThatThrownBy(() -> s3.create(
                        StoreId.region("eu"),
                        PREFIX,
                        s3(URI.create("https://s3.example.test"), "b", "key", null),
                        Path.of("unused")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(".secret-key");
        Blobs tinyParts = new Blobs(
                "s3",
                null,
                URI.create("https://s3.example.test"),
                "b",
                "us-east-1",
                null,
                null,
                true,
                DataSize.ofMegabytes(1));
        assertThatThrownBy(() -> s3.create(StoreId.region("eu"), PREFIX, tinyParts, Path.of("unused")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(".part-size");
    }

    @Test
    void settingsForARegionThatIsNotConfiguredRefuseToStart() {
        StorageProperties storage = new StorageProperties(
                List.of("us", "eu"),
                StorageProperties.Connection.embedded(),
                Map.of("euu", StorageProperties.Connection.embedded()),
                10);

        assertThatThrownBy(() -> new StoreCatalog(null, storage, List.of()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("selvedge.storage.region.euu");
    }

    @Test
    void twoStoresInOneFolderOrBucketRefuseToStart(@TempDir Path folder) throws IOException {
        LocalFolderBlobStore shared = new LocalFolderBlobStore(folder);
        List<Store> stores = List.of(
                new Store(StoreId.region("us"), null, shared, "us"),
                new Store(StoreId.region("eu"), null, new LocalFolderBlobStore(folder), "eu"));

        assertThatThrownBy(() -> BlobStoreFactories.refuseSharedBlobStores(stores))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("region-us and region-eu");
    }

    @Test
    void anUnknownKindOfBlobStoreRefusesToStart() {
        BlobStoreFactories factories = new BlobStoreFactories(List.of(new LocalFolderBlobStoreFactory(), s3));
        StorageProperties.Connection azure = new StorageProperties.Connection(
                null,
                null,
                null,
                new Blobs("azure", null, null, null, "us-east-1", null, null, false, DataSize.ofMegabytes(8)));

        assertThatThrownBy(() -> factories.open(StoreId.region("eu"), azure, Path.of("unused")))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining(PREFIX + ".type is 'azure'");
    }

    @Test
    void secretsNeverShowInSettingsText() {
        Blobs settings = s3(URI.create("https://s3.example.test"), "b", "AKIAEXAMPLE", "very-secret-key");
        StorageProperties.Connection connection =
                new StorageProperties.Connection("jdbc:postgresql://db/eu", "selvedge", "db-password", settings);

        assertThat(connection.toString())
                .doesNotContain("very-secret-key")
                .doesNotContain("db-password")
                .contains("AKIAEXAMPLE");
    }

    private static Blobs s3(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new Blobs(
                "s3", null, endpoint, bucket, "us-east-1", accessKey, secretKey, true, DataSize.ofMegabytes(8));
    }
}
