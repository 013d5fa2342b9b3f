package io.selvedge.platform;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.function.Function;

/**
 * A request body read through the container's stream, each read's byte count handed to {@link #counted}, so
 * that a filter can refuse a body by its size or its pace while it arrives rather than after.
 */
public abstract class CountedBody extends ServletInputStream {

    private final ServletInputStream in;

    protected CountedBody(ServletInputStream in) {
        this.in = in;
    }

    /**
     * The request whose body is read through the stream {@code counting} makes of the container's, made once,
     * on the first call of {@code getInputStream}.
     */
    public static HttpServletRequest of(
            HttpServletRequest request, Function<ServletInputStream, CountedBody> counting) {
        return new HttpServletRequestWrapper(request) {
            private ServletInputStream body;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (body == null) {
                    body = counting.apply(super.getInputStream());
                }
                return body;
            }
        };
    }

    /** Called after every read with the bytes it returned (0 at the end); throws to refuse the body. */
    protected abstract void counted(int bytes) throws IOException;

    @Override
    public int read() throws IOException {
        int b = in.read();
        counted(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        counted(Math.max(n, 0));
        return n;
    }

    @Override
    public boolean isFinished() {
        return in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }
}
