package io.selvedge.storage.internal;

import static io.selvedge.storage.internal.RegionalFixtures.aGroupIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReports;
import io.selvedge.storage.ResidencyViolationException;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.Stores;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestS3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Every region on its own S3 bucket: a group's blobs land in its region's bucket and nowhere else. */
@SelvedgeIntegrationTest
class S3RegionsIT {

    static final Map<String, String> BUCKETS = new LinkedHashMap<>();

    @DynamicPropertySource
    static void regionsOnS3(DynamicPropertyRegistry registry) {
        // A second server beside the shared one: small pools keep both within PostgreSQL's connection limit.
        registry.add("selvedge.storage.pool-size", () -> "2");
        for (String region : List.of("us", "eu", "apac")) {
            String bucket = BUCKETS.computeIfAbsent(region, r -> TestS3.newBucket("selvedge-" + r));
            String prefix = "selvedge.storage.region." + region + ".blobs.";
            registry.add(prefix + "type", () -> "s3");
            registry.add(prefix + "endpoint", () -> TestS3.endpoint().toString());
            registry.add(prefix + "bucket", () -> bucket);
            registry.add(prefix + "access-key", () -> TestS3.ACCESS_KEY);
            registry.add(prefix + "secret-key", () -> TestS3.SECRET_KEY);
            registry.add(prefix + "path-style", () -> "true");
        }
    }

    @Autowired
    GroupDataPlanes planes;

    @Autowired
    GroupResidency residency;

    @Autowired
    ResidencyReports reports;

    @Autowired
    Stores stores;

    @Autowired
    CompositeHealthContributor storesHealthContributor;

    final S3Client s3 = TestS3.client();

    @AfterEach
    void close() {
        s3.close();
    }

    @Test
    void writingForAnEuGroupGrowsOnlyTheEuBucket() throws IOException {
        UUID group = aGroupIn(residency, "eu");
        List<String> usBefore = keysIn("us");
        List<String> apacBefore = keysIn("apac");

        planes.of(group).blobs().write("versions/v1", out -> out.write(new byte[6 * 1024 * 1024 + 1]));

        assertThat(keysIn("eu")).contains("groups/" + group + "/versions/v1");
        assertThat(keysIn("us")).isEqualTo(usBefore);
        assertThat(keysIn("apac")).isEqualTo(apacBefore);
        assertThat(planes.of(group).blobs().size("versions/v1")).isEqualTo(6 * 1024 * 1024 + 1);
    }

    @Test
    void theUsBucketRefusesAnEuGroup() {
        UUID group = aGroupIn(residency, "eu");

        assertThatThrownBy(() -> stores.region("us").blobs().create("groups/" + group + "/x"))
                .isInstanceOf(ResidencyViolationException.class);
        assertThat(keysIn("us")).noneMatch(key -> key.contains(group.toString()));
    }

    @Test
    void theReportFindsAnObjectOfTheGroupInAnotherRegionsBucket() throws IOException {
        UUID group = aGroupIn(residency, "eu");
        planes.of(group).blobs().write("a", out -> out.write(1));
        assertThat(reports.of(group).clean()).isTrue();

        s3.putObject(
                put -> put.bucket(BUCKETS.get("apac")).key("groups/" + group + "/copied-by-hand"),
                RequestBody.fromString("misplaced"));

        ResidencyReport report = reports.of(group);
        assertThat(report.clean()).isFalse();
        assertThat(report.elsewhere()).singleElement().satisfies(found -> {
            assertThat(found.region()).isEqualTo("apac");
            assertThat(found.location()).contains("s3://" + BUCKETS.get("apac"));
        });
        assertThat(report.holdings().get(1).location()).contains("s3://" + BUCKETS.get("eu"));
    }

    @Test
    void healthReportsEachBucketReachableAndWritable() {
        for (String region : List.of("us", "eu", "apac")) {
            Health health = ((HealthIndicator) storesHealthContributor.getContributor("region-" + region)).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("blobStore", "writable")
                    .containsEntry("blobLocation", stores.region(region).blobs().location());
            assertThat(health.getDetails().toString()).doesNotContain(TestS3.SECRET_KEY);
        }
        assertThat(keysIn("eu")).noneMatch(key -> key.startsWith(".selvedge-health"));
    }

    @Test
    void aBucketThatGoesAwayMakesTheStoreDown() {
        S3BlobStore gone = new S3BlobStore(TestS3.client(), "deleted-bucket", TestS3.endpoint(), 5 * 1024 * 1024);
        Store store = new Store(StoreId.region("eu"), stores.region("eu").dataSource(), gone, "test");

        Health health = StoreHealth.check(store);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("blobStore", "not writable");
        gone.close();
    }

    @Test
    void readsSeekThroughRangedGets() throws IOException {
        UUID group = aGroupIn(residency, "us");
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        planes.of(group).blobs().write("v", out -> out.write(bytes));

        try (SeekableByteChannel channel = planes.of(group).blobs().openChannel("v")) {
            ByteBuffer buffer = ByteBuffer.allocate(4);
            channel.position(10).read(buffer);
            assertThat(new String(buffer.array(), StandardCharsets.UTF_8)).isEqualTo("abcd");
        }
        try (InputStream in = planes.of(group).blobs().open("v")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    private List<String> keysIn(String region) {
        return s3.listObjectsV2Paginator(list -> list.bucket(BUCKETS.get(region))).contents().stream()
                .map(S3Object::key)
                .filter(key -> !key.endsWith("/"))
                .sorted()
                .toList();
    }
}
