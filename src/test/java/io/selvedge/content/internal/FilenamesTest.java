package io.selvedge.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilenamesTest {

    @Test
    void pathsControlCharactersAndDotNamesAreDropped() {
        assertThat(Filenames.safe("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Filenames.safe("C:\\Users\\ada\\coat.zprj")).isEqualTo("coat.zprj");
        assertThat(Filenames.safe("co\u0000at\r\n\u202e.glb")).isEqualTo("coat.glb");
        assertThat(Filenames.safe("..")).isEqualTo("file");
        assertThat(Filenames.safe(".hidden")).isEqualTo("hidden");
        assertThat(Filenames.safe(null)).isEqualTo("file");
        assertThat(Filenames.safe("  ")).isEqualTo("file");
        assertThat(Filenames.safe("Mantel ü.obj")).isEqualTo("Mantel ü.obj");
    }

    @Test
    void aNameLeftWithABlankAfterItsDotsLosesTheBlankToo() {
        // Found by FilenamesFuzzTest: ". ..w" became " ..w", a name that starts with a blank and a dot.
        assertThat(Filenames.safe(". ..coat.glb")).isEqualTo("coat.glb");
        assertThat(Filenames.safe(".\r\u0000 \u001a..w.\r..wdd")).isEqualTo("w...wdd");
        assertThat(Filenames.safe(Filenames.safe(". ..coat.glb"))).isEqualTo("coat.glb");
    }

    @Test
    void aLongNameKeepsItsExtensionWithin255() {
        String safe = Filenames.safe("é".repeat(300) + ".zprj");
        assertThat(safe.codePointCount(0, safe.length())).isEqualTo(255);
        assertThat(safe).endsWith(".zprj");
    }

    @Test
    void thumbnailsAreKnownByTheirFirstBytes() {
        assertThat(Thumbnails.typeOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .isEqualTo("image/png");
        assertThat(Thumbnails.typeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .isEqualTo("image/jpeg");
        assertThat(Thumbnails.typeOf("RIFF0000WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("image/webp");
        assertThat(Thumbnails.typeOf("<svg/>".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(Thumbnails.typeOf(new byte[0])).isNull();
    }
}
