package io.selvedge.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * E-mail ({@code selvedge.mail.*}). Without an SMTP host, mail is only written as {@code .eml} files to
 * {@link #dir()} (outside production; in production it waits in the outbox until SMTP is configured).
 */
@Validated
@ConfigurationProperties("selvedge.mail")
public record MailProperties(
        Path dir,

        @NotBlank @DefaultValue("Selvedge <no-reply@localhost>")
        String from,

        @Valid @DefaultValue Smtp smtp,
        @Valid @DefaultValue Retry retry) {

    /** How the connection to the SMTP server is protected. */
    public enum TlsMode {
        /** STARTTLS on the submission port, and never a word in clear: refuse a server without it. */
        REQUIRED,
        /** STARTTLS when the server offers it, clear text otherwise. Only for servers inside a trusted network. */
        OPPORTUNISTIC,
        /** TLS from the first byte (SMTPS, usually port 465). */
        IMPLICIT
    }

    public record Smtp(
            @Nullable String host,
            @DefaultValue("587") int port,
            @Nullable String username,
            @Nullable String password,
            @DefaultValue("required") TlsMode tls,
            /** A PEM certificate to trust besides the JDK's authorities, e.g. a company's own CA. */
            @Nullable Path trustedCertificate,
            @DefaultValue("10s") Duration timeout) {

        public boolean isConfigured() {
            return StringUtils.hasText(host);
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", tls=" + tls + "]";
        }
    }

    /** Backoff between attempts: doubling from {@code first} up to {@code longest}; dead after {@code attempts}. */
    public record Retry(
            @DefaultValue("30s") Duration first,
            @DefaultValue("1h") Duration longest,
            @Min(1) @DefaultValue("12") int attempts,
            @DefaultValue("5s") Duration pollEvery) {}
}
