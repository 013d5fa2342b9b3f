package io.selvedge.storage.internal;

import io.selvedge.platform.SelvedgeEnvironment;
import java.time.Instant;

/** What a store was made for: written once, when the store is first initialised. */
record StoreStamp(
        String store, SelvedgeEnvironment environment, String installationId, boolean demoData, Instant stampedAt) {}
