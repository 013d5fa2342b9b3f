package io.selvedge.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit trail's settings ({@code selvedge.audit.*}).
 *
 * @param sealInterval how often each trail's head hash is signed (a seal)
 * @param retention how long entries are kept; older ones are purged behind a signed checkpoint
 * @param purgeCheckInterval how often the purge looks for entries past the retention
 * @param retryFailedInterval how often events whose delivery to the trail failed are delivered again
 */
@Validated
@ConfigurationProperties("selvedge.audit")
public record AuditProperties(
        @NotNull @DefaultValue("1h") Duration sealInterval,
        @NotNull @DefaultValue("400d") Duration retention,
        @NotNull @DefaultValue("1h") Duration purgeCheckInterval,
        @NotNull @DefaultValue("1m") Duration retryFailedInterval) {}
