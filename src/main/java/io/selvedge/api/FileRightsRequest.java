package io.selvedge.api;

import org.jspecify.annotations.Nullable;

/** A request that grants a role with the file rights that go with it: a right left out is not given. */
interface FileRightsRequest {

    @Nullable
    Boolean allowDownload();

    @Nullable
    Boolean allowUpload();

    default boolean downloads() {
        return Boolean.TRUE.equals(allowDownload());
    }

    default boolean uploads() {
        return Boolean.TRUE.equals(allowUpload());
    }
}
