package io.selvedge.platform;

import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/** The installation-wide settings ({@code selvedge.*}); see README.md, "Configuration". */
@Validated
@ConfigurationProperties("selvedge")
public record PlatformProperties(
        @DefaultValue("development") SelvedgeEnvironment environment,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("8443") int port,
        @DefaultValue("https://localhost:8443") URI publicUrl,
        @Nullable Integer httpRedirectPort,
        @DefaultValue Tls tls,
        @DefaultValue TransferThreads transfers) {

    /**
     * The threads that take the store's side of large downloads and uploads ({@link Transfers}); 0 keeps
     * every copy on the request's thread.
     */
    public record TransferThreads(
            @DefaultValue("16") @PositiveOrZero int threads) {}

    /** Where the server's certificate comes from. Empty in development: one is generated. */
    public record Tls(
            @Nullable Path certificate,
            @Nullable Path privateKey,
            @Nullable Path keystore,
            @Nullable String keystorePassword,
            @DefaultValue("10s") Duration reloadQuietPeriod) {

        public boolean hasPemCertificate() {
            return certificate != null && StringUtils.hasText(certificate.toString());
        }

        public boolean hasKeystore() {
            return keystore != null && StringUtils.hasText(keystore.toString());
        }
    }
}
