package io.selvedge.content;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of renders made in viewers' browsers ({@code selvedge.content.renders.*}, or
 * {@code SELVEDGE_CONTENT_RENDERS_*}).
 *
 * @param deliverWithin how long a viewer asked to render a version has to send it before the next viewer is asked
 * @param checkInterval how often the scheduled job looks for renders asked and not delivered
 */
@Validated
@ConfigurationProperties("selvedge.content.renders")
public record RenderProperties(
        @NotNull @DefaultValue("10m") Duration deliverWithin,
        @NotNull @DefaultValue("5m") Duration checkInterval) {}
