package io.selvedge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server in the test JVM: s3proxy over jclouds' filesystem store (objects are files under
 * {@code target/s3-data}, so large objects cost disk, not heap). One per JVM, started on first use on
 * a free loopback port, with SigV4 authentication on.
 */
public final class TestS3 {

    public static final String ACCESS_KEY = "selvedge-test-access";
    public static final String SECRET_KEY = "selvedge-test-secret-do-not-log";

    private static URI endpoint;

    private TestS3() {}

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /** A client like the application's, for tests that look into buckets themselves. */
    public static S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** Creates a bucket with a name no other test uses. */
    public static String newBucket(String prefix) {
        String bucket = prefix + "-" + Long.toHexString(System.nanoTime());
        try (S3Client s3 = client()) {
            s3.createBucket(create -> create.bucket(bucket));
        }
        return bucket;
    }

    private static URI start() {
        try {
            Path base = Path.of("target", "s3-data");
            Files.createDirectories(base);
            Path folder = Files.createTempDirectory(base, "s3proxy-").toAbsolutePath();
            Properties properties = new Properties();
            properties.setProperty("jclouds.filesystem.basedir", folder.toString());
            org.jclouds.blobstore.BlobStore store = ContextBuilder.newBuilder("filesystem")
                    .credentials("identity", "credential")
                    .overrides(properties)
                    .build(BlobStoreContext.class)
                    .getBlobStore();
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.sleep(10);
            }
            return URI.create("http://127.0.0.1:" + proxy.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-process S3 server", e);
        }
    }
}
