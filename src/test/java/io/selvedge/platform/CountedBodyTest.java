package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class CountedBodyTest {

    private static final byte[] BODY = "a metre of selvedge denim".getBytes(StandardCharsets.UTF_8);

    @Test
    void everyReadIsCountedAndTheEndCountsNothing() throws IOException {
        List<Integer> counts = new ArrayList<>();
        HttpServletRequest request = CountedBody.of(aRequest(), in -> new Recording(in, counts));

        ServletInputStream body = request.getInputStream();
        int first = body.read();
        byte[] rest = body.readAllBytes();

        assertThat(first).isEqualTo(BODY[0]);
        assertThat(rest).hasSize(BODY.length - 1);
        assertThat(counts.get(0)).isEqualTo(1);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(BODY.length);
        assertThat(counts.get(counts.size() - 1)).isZero();
        assertThat(body.isFinished()).isTrue();
    }

    @Test
    void aBodyRefusedWhileCountedFailsTheRead() throws IOException {
        HttpServletRequest request = CountedBody.of(aRequest(), in -> new CountedBody(in) {
            private long read;

            @Override
            protected void counted(int bytes) throws IOException {
                read += bytes;
                if (read > 4) {
                    throw new IOException("more than 4 bytes");
                }
            }
        });

        assertThatThrownBy(() -> request.getInputStream().readAllBytes()).hasMessage("more than 4 bytes");
    }

    @Test
    void theRequestWrapsTheContainersStreamOnce() throws IOException {
        List<Integer> counts = new ArrayList<>();
        HttpServletRequest request = CountedBody.of(aRequest(), in -> new Recording(in, counts));

        assertThat(request.getInputStream()).isSameAs(request.getInputStream());
    }

    private static MockHttpServletRequest aRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/anything");
        request.setContent(BODY);
        return request;
    }

    private static final class Recording extends CountedBody {

        private final List<Integer> counts;

        Recording(ServletInputStream in, List<Integer> counts) {
            super(in);
            this.counts = counts;
        }

        @Override
        protected void counted(int bytes) {
            counts.add(bytes);
        }
    }
}
