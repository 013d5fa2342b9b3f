package io.selvedge.tenancy;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The tree's settings ({@code selvedge.tenancy.*}).
 *
 * @param restoreWindow how long a deleted node can be restored before it is purged
 * @param purgeCheckInterval how often the purge looks for nodes past their window
 */
@Validated
@ConfigurationProperties("selvedge.tenancy")
public record TenancyProperties(
        @NotNull @DefaultValue("30d") Duration restoreWindow,
        @NotNull @DefaultValue("1h") Duration purgeCheckInterval) {}
