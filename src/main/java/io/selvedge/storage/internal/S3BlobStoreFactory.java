package io.selvedge.storage.internal;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.BlobStore;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.StoreId;
import java.nio.file.Path;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code blobs.type=s3}: one bucket at one endpoint per store. Refuses to start without an endpoint or
 * bucket, with half a key pair, or with parts smaller than S3 accepts.
 */
@Component
class S3BlobStoreFactory implements BlobStoreFactory {

    /** S3's smallest part but the last. */
    static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);

    static final DataSize MAX_PART_SIZE = DataSize.ofMegabytes(512);

    @Override
    public String type() {
        return "s3";
    }

    @Override
    public BlobStore create(
            StoreId store, String settingsPrefix, StorageProperties.Blobs settings, Path defaultFolder) {
        String action = "Set " + settingsPrefix + ".endpoint and " + settingsPrefix
                + ".bucket (and the keys, unless the default AWS credential chain applies), or use "
                + settingsPrefix + ".type=local.";
        if (settings.endpoint() == null
                || !StringUtils.hasText(settings.endpoint().toString())) {
            throw new StartupRefusedException(
                    "the " + store + " store keeps its blobs in S3 but " + settingsPrefix + ".endpoint is not set",
                    action);
        }
        if (!StringUtils.hasText(settings.bucket())) {
            throw new StartupRefusedException(
                    "the " + store + " store keeps its blobs in S3 but " + settingsPrefix + ".bucket is not set",
                    action);
        }
        if (StringUtils.hasText(settings.accessKey()) != StringUtils.hasText(settings.secretKey())) {
            throw new StartupRefusedException(
                    "the S3 blob store of the " + store + " store has only one of " + settingsPrefix
                            + ".access-key and " + settingsPrefix + ".secret-key",
                    "Set both, or neither to use the default AWS credential chain.");
        }
        DataSize part = settings.partSize();
        if (part.compareTo(MIN_PART_SIZE) < 0 || part.compareTo(MAX_PART_SIZE) > 0) {
            throw new StartupRefusedException(
                    settingsPrefix + ".part-size is " + part + ", outside what S3 and memory allow",
                    "Choose a part size between 5MB and 512MB (8MB by default).");
        }
        S3Client client = S3Client.builder()
                .endpointOverride(settings.endpoint())
                .region(Region.of(settings.signingRegion()))
                .credentialsProvider(credentials(settings))
                .forcePathStyle(settings.pathStyle())
                // Blobs are ciphertext under an AEAD that detects any change, so S3's newer optional
                // checksums add nothing, and many S3-compatible stores refuse them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        return new S3BlobStore(client, settings.bucket(), settings.endpoint(), (int) part.toBytes());
    }

    private static AwsCredentialsProvider credentials(StorageProperties.Blobs settings) {
        if (!StringUtils.hasText(settings.accessKey())) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
}
