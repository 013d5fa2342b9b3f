package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A colourway's name and swatch after an OBJ export's material file. */
class MtlFilesTest {

    @Test
    void theNameIsTheFilesWithoutTheObjsBeforeIt() {
        assertThat(MtlFiles.colourwayName("tee_Ecru.mtl", "tee.obj")).isEqualTo("Ecru");
        assertThat(MtlFiles.colourwayName("TEE - Night blue.mtl", "tee.obj")).isEqualTo("Night blue");
        assertThat(MtlFiles.colourwayName("Ecru.mtl", "tee.obj")).isEqualTo("Ecru");
        assertThat(MtlFiles.colourwayName("tee.mtl", "tee.obj")).isEqualTo("tee");
        assertThat(MtlFiles.colourwayName("tee_\u0007.mtl", "tee.obj")).isEqualTo("Variant 1");
    }

    @Test
    void theSwatchIsTheFirstDiffuseColour() {
        assertThat(MtlFiles.swatch("newmtl A\nKa 0 0 0\n  Kd 0.7674 0.3811 0.2209\nKd 0 0 0\n"))
                .contains("#c46138");
        assertThat(MtlFiles.swatch("Kd 2 -1 NaN")).contains("#ff0000");
        assertThat(MtlFiles.swatch("Kd one two three")).isEmpty();
        assertThat(MtlFiles.swatch("newmtl A\nKd 0.5")).isEmpty();
    }
}
