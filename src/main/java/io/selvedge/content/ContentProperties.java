package io.selvedge.content;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The content settings ({@code selvedge.content.*}, or {@code SELVEDGE_CONTENT_*}).
 *
 * @param maxFileSize the largest version file
 * @param groupQuota the most all versions of a group may take together
 * @param maxThumbnailSize the largest thumbnail image
 * @param restoreWindow how long a deleted style can be restored before it is purged
 * @param purgeCheckInterval how often the purge looks for styles past their window and expired uploads
 * @param uploadExpiry how long a resumable upload may sit unfinished after its last change
 * @param orphanFileAge how long a version file with no version row is left before the purge deletes it:
 *     longer than the slowest upload could take between storing its file and recording its row
 * @param stuckUploadIdle how long an unfinished resumable upload sits without a change before platform support,
 *     under an approved support request, sees it as stuck and may abort it
 */
@Validated
@ConfigurationProperties("selvedge.content")
public record ContentProperties(
        @NotNull @DefaultValue("20GB") DataSize maxFileSize,
        @NotNull @DefaultValue("1TB") DataSize groupQuota,
        @NotNull @DefaultValue("5MB") DataSize maxThumbnailSize,
        @NotNull @DefaultValue("30d") Duration restoreWindow,
        @NotNull @DefaultValue("1h") Duration purgeCheckInterval,
        @NotNull @DefaultValue("24h") Duration uploadExpiry,
        @NotNull @DefaultValue("24h") Duration orphanFileAge,
        @NotNull @DefaultValue("1h") Duration stuckUploadIdle) {}
