package io.selvedge.web.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The KTX2 transcoder's worker is three's own worker body, read from the webjar this build carries. */
class BasisTranscoderWorkerTest {

    @Test
    void theWorkerRunsThreesBodyOnceTheConstantsArrive() throws Exception {
        String worker = (String) new BasisTranscoderWorker().worker().getBody();

        assertThat(worker)
                .contains("importScripts('/webjars/three/examples/jsm/libs/basis/basis_transcoder.js');")
                .contains("const EngineFormat = _EngineFormat;")
                .contains("case 'transcode':")
                .contains("BASIS( BasisModule );")
                .doesNotContain("KTX2Loader.BasisWorker")
                .doesNotContain("import ");
        assertThat(worker.indexOf("function basisWorker() {"))
                .as("three's body is wrapped, so it starts only when the constants have come")
                .isLessThan(worker.indexOf("const EngineFormat = _EngineFormat;"));
    }

    @Test
    void aLoaderWithoutTheWorkerIsRefusedAtStart() {
        assertThatThrownBy(() -> BasisTranscoderWorker.workerBody("export class KTX2Loader {}"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBodyEndsAtTheFunctionsOwnClosingBrace() {
        String loader =
                "KTX2Loader.BasisWorker = function () {\n\tfunction inner() {\n\t};\n\tinner();\n};\nafter();\n";

        assertThat(BasisTranscoderWorker.workerBody(loader)).isEqualTo("\n\tfunction inner() {\n\t};\n\tinner();\n");
    }
}
