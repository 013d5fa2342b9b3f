package io.selvedge.demo.internal;

import java.util.List;

/**
 * A generated garment: its glTF binary and points on its surface where comments are pinned.
 *
 * @param name the style name it suits, e.g. "Flared dress"
 */
record Garment(String name, GarmentKind kind, Fabric fabric, byte[] glb, List<float[]> surfacePoints) {}
