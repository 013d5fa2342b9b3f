package io.selvedge.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Where the stores live ({@code selvedge.storage.*}). Without a JDBC URL a store is an embedded H2
 * database under the data directory; production gives each store a PostgreSQL URL.
 */
@Validated
@ConfigurationProperties("selvedge.storage")
public record StorageProperties(
        @NotEmpty @DefaultValue({"us", "eu", "apac"})
        List<@Pattern(regexp = "[a-z][a-z0-9-]{0,30}", message = "region names are lower-case words") String> regions,

        @Valid @DefaultValue Connection global,
        @Nullable Map<String, @Valid Connection> region,
        @Min(1) @DefaultValue("10") int poolSize) {

    /** How to reach one store's database; all empty means the embedded default. */
    public record Connection(
            @Nullable String jdbcUrl,
            @Nullable String username,
            @Nullable String password) {

        public boolean isConfigured() {
            return StringUtils.hasText(jdbcUrl);
        }

        public static Connection embedded() {
            return new Connection(null, null, null);
        }
    }

    public Connection connectionOf(String regionName) {
        return region == null ? Connection.embedded() : region.getOrDefault(regionName, Connection.embedded());
    }
}
