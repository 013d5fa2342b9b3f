package io.selvedge.demo.internal;

/** A fabric as a glTF material: its colour, roughness and the sheen of its fibres (KHR_materials_sheen). */
record Fabric(String name, float[] colour, float roughness, float[] sheenColour, float sheenRoughness) {

    static final Fabric[] ALL = {
        new Fabric("Indigo denim", rgb(0.17f, 0.24f, 0.45f), 0.9f, rgb(0.35f, 0.42f, 0.6f), 0.6f),
        new Fabric("Ecru jersey", rgb(0.86f, 0.82f, 0.72f), 0.85f, rgb(1f, 0.97f, 0.9f), 0.5f),
        new Fabric("Forest velvet", rgb(0.09f, 0.3f, 0.18f), 0.7f, rgb(0.45f, 0.75f, 0.5f), 0.3f),
        new Fabric("Rust corduroy", rgb(0.62f, 0.27f, 0.12f), 0.85f, rgb(0.9f, 0.55f, 0.35f), 0.45f),
        new Fabric("Charcoal wool", rgb(0.2f, 0.2f, 0.22f), 0.95f, rgb(0.5f, 0.5f, 0.55f), 0.7f),
        new Fabric("Blush silk", rgb(0.9f, 0.64f, 0.62f), 0.45f, rgb(1f, 0.9f, 0.88f), 0.25f),
        new Fabric("Ochre linen", rgb(0.8f, 0.6f, 0.2f), 0.9f, rgb(0.95f, 0.85f, 0.55f), 0.65f),
        new Fabric("Navy twill", rgb(0.08f, 0.1f, 0.25f), 0.8f, rgb(0.3f, 0.35f, 0.6f), 0.5f),
    };

    private static float[] rgb(float r, float g, float b) {
        return new float[] {r, g, b};
    }
}
