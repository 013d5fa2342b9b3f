package io.selvedge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.content.InvalidContentException;
import org.junit.jupiter.api.Test;

class FileResponsesTest {

    @Test
    void theDispositionHasAnAsciiFallbackAndTheExactNameInUtf8() {
        assertThat(FileResponses.disposition("attachment", "coat.zprj"))
                .isEqualTo("attachment; filename=\"coat.zprj\"; filename*=UTF-8''coat.zprj");
        assertThat(FileResponses.disposition("attachment", "a\"b\\c;d%e ü.pdf"))
                .isEqualTo("attachment; filename=\"a_b_c;d_e _.pdf\"; filename*=UTF-8''a%22b%5Cc%3Bd%25e%20%C3%BC.pdf");
    }

    @Test
    void tusMetadataIsDecodedAndCheckedForBase64() {
        assertThat(UploadsApi.metadata("filename Y29hdC5nbGI=,styleId YWJj,flag"))
                .containsEntry("filename", "coat.glb")
                .containsEntry("styleId", "abc")
                .containsEntry("flag", "");
        assertThatThrownBy(() -> UploadsApi.metadata("filename !!!")).isInstanceOf(InvalidContentException.class);
    }
}
