package io.selvedge.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the stores live ({@code selvedge.storage.*}). Without a JDBC URL a store is an embedded H2
 * database under the data directory; production gives each store a PostgreSQL URL. Blobs go to a
 * folder beside the database unless {@code blobs.type=s3} names a bucket.
 */
@Validated
@ConfigurationProperties("selvedge.storage")
public record StorageProperties(
        @NotEmpty @DefaultValue({"us", "eu", "apac"})
        List<@Pattern(regexp = "[a-z][a-z0-9-]{0,30}", message = "region names are lower-case words") String> regions,

        @Valid @DefaultValue Connection global,
        @Nullable Map<String, @Valid Connection> region,
        @Min(1) @DefaultValue("10") int poolSize) {

    /** How to reach one store's database and blobs; all empty means the embedded defaults. */
    public record Connection(
            @Nullable String jdbcUrl,
            @Nullable String username,
            @Nullable String password,
            @Valid @DefaultValue Blobs blobs) {

        public boolean isConfigured() {
            return StringUtils.hasText(jdbcUrl);
        }

        public static Connection embedded() {
            return new Connection(null, null, null, Blobs.localFolder());
        }

        @Override
        public String toString() {
            return "Connection[jdbcUrl=" + jdbcUrl + ", username=" + username + ", password="
                    + (password == null ? null : "(hidden)") + ", blobs=" + blobs + "]";
        }
    }

    /**
     * A store's blob store: {@code type} {@code local} (a folder, by default {@code blobs/} beside the
     * store's database) or {@code s3} (one bucket at one endpoint; without keys the SDK's default
     * credential chain is used).
     */
    public record Blobs(
            @DefaultValue("local") String type,
            @Nullable Path directory,
            @Nullable URI endpoint,
            @Nullable String bucket,
            @DefaultValue("us-east-1") String signingRegion,
            @Nullable String accessKey,
            @Nullable String secretKey,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("8MB") DataSize partSize) {

        public static Blobs localFolder() {
            return new Blobs("local", null, null, null, "us-east-1", null, null, false, DataSize.ofMegabytes(8));
        }

        @Override
        public String toString() {
            return "Blobs[type=" + type + ", directory=" + directory + ", endpoint=" + endpoint + ", bucket=" + bucket
                    + ", signingRegion=" + signingRegion + ", accessKey=" + accessKey + ", secretKey="
                    + (secretKey == null ? null : "(hidden)") + ", pathStyle=" + pathStyle + ", partSize=" + partSize
                    + "]";
        }
    }

    public Connection connectionOf(String regionName) {
        return region == null ? Connection.embedded() : region.getOrDefault(regionName, Connection.embedded());
    }
}
