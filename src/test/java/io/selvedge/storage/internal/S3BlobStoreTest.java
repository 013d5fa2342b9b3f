package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.storage.BlobStore;
import io.selvedge.testing.TestS3;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The contract against a real S3 server (s3proxy, in this JVM), parts of 5 MiB. */
class S3BlobStoreTest extends BlobStoreContract {

    static final int PART_SIZE = 5 * MIB;

    final S3Client inspector = TestS3.client();
    String bucket;

    @Override
    BlobStore newStore() {
        bucket = TestS3.newBucket("contract");
        return new S3BlobStore(TestS3.client(), bucket, TestS3.endpoint(), PART_SIZE);
    }

    @AfterEach
    void closeInspector() {
        inspector.close();
    }

    @Override
    void assertNoUnfinishedUpload(String key) {
        assertThat(inspector
                        .listMultipartUploads(list -> list.bucket(bucket).prefix(key))
                        .uploads())
                .isEmpty();
    }

    @Test
    void aBucketThatIsNotThereIsNotWritable() {
        BlobStore missing = new S3BlobStore(TestS3.client(), "no-such-bucket-here", TestS3.endpoint(), PART_SIZE);

        assertThatThrownBy(missing::checkWritable)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-bucket-here");
    }

    @Test
    void wrongCredentialsAreRefusedWithoutTheSecretInTheMessage() {
        BlobStore wrong = new S3BlobStore(
                S3Client.builder()
                        .endpointOverride(TestS3.endpoint())
                        .region(Region.US_EAST_1)
                        .forcePathStyle(true)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(TestS3.ACCESS_KEY, "a-wrong-secret")))
                        .build(),
                bucket,
                TestS3.endpoint(),
                PART_SIZE);

        assertThatThrownBy(wrong::checkWritable)
                .isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(stackText(e)).doesNotContain("a-wrong-secret"));
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
