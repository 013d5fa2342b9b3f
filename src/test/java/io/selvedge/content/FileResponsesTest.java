package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileResponsesTest {

    @Test
    void theDispositionHasAnAsciiFallbackAndTheExactNameInUtf8() {
        assertThat(FileResponses.disposition("attachment", "coat.zprj"))
                .isEqualTo("attachment; filename=\"coat.zprj\"; filename*=UTF-8''coat.zprj");
        assertThat(FileResponses.disposition("attachment", "a\"b\\c;d%e ü.pdf"))
                .isEqualTo("attachment; filename=\"a_b_c;d_e _.pdf\"; filename*=UTF-8''a%22b%5Cc%3Bd%25e%20%C3%BC.pdf");
    }
}
