package io.selvedge.demo.internal;

import lombok.RequiredArgsConstructor;

/** The shapes the generator makes, each with its own body profile, sleeves and collar. */
@RequiredArgsConstructor
enum GarmentKind {
    TEE("tee", false, 0.16, false),
    SHIRT("shirt", false, 0.52, true),
    DRESS("dress", true, 0.12, false),
    TUNIC("tunic", true, 0.34, false),
    COAT("coat", true, 0.55, true);

    final String word;
    final boolean longBody;
    final double sleeveLength;
    final boolean collar;
}
