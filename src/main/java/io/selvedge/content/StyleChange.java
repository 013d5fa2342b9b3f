package io.selvedge.content;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The fields a PATCH changes; null leaves a field as it is. */
public record StyleChange(
        @Nullable String name,
        @Nullable String description,
        @Nullable List<String> tags,
        @Nullable StyleStatus status) {}
