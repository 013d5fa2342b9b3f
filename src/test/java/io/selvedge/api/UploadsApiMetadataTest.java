package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.content.InvalidContentException;
import org.junit.jupiter.api.Test;

class UploadsApiMetadataTest {

    @Test
    void tusMetadataIsDecodedAndCheckedForBase64() {
        assertThat(UploadsApi.metadata("filename Y29hdC5nbGI=,styleId YWJj,flag"))
                .containsEntry("filename", "coat.glb")
                .containsEntry("styleId", "abc")
                .containsEntry("flag", "");
        assertThatThrownBy(() -> UploadsApi.metadata("filename !!!")).isInstanceOf(InvalidContentException.class);
    }
}
