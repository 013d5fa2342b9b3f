package io.selvedge.platform.internal.transfer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.Transfers;
import io.selvedge.platform.internal.transfer.ChunkHandoff.Chunk;
import io.selvedge.platform.internal.transfer.ChunkHandoff.OtherSideStopped;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * {@link Transfers} on a pool of {@code selvedge.transfers.threads} threads (0: every copy on the
 * caller alone). A transfer that finds no idle thread copies on the caller rather than queueing; the
 * metric {@code selvedge_transfers_total{direction, mode="direct"}} counts those, so that operators see
 * when the pool is too small (with the pool's own {@code executor_*{name="transfers"}} gauges).
 */
@Component
class OverlappedTransfers implements Transfers, DisposableBean {

    static final String METRIC = "selvedge.transfers";

    @Nullable
    private final ThreadPoolExecutor pool;

    private final Counter downloadsOverlapped;
    private final Counter downloadsDirect;
    private final Counter uploadsOverlapped;
    private final Counter uploadsDirect;

    OverlappedTransfers(PlatformProperties properties, MeterRegistry meters) {
        downloadsOverlapped = counter(meters, "download", "overlapped");
        downloadsDirect = counter(meters, "download", "direct");
        uploadsOverlapped = counter(meters, "upload", "overlapped");
        uploadsDirect = counter(meters, "upload", "direct");
        int threads = properties.transfers().threads();
        if (threads == 0) {
            pool = null;
            return;
        }
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "transfer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        new ExecutorServiceMetrics(pool, "transfers", Tags.empty()).bindTo(meters);
    }

    private static Counter counter(MeterRegistry meters, String direction, String mode) {
        return Counter.builder(METRIC)
                .description("Large transfers: overlapped on a transfer thread, or direct when all were busy")
                .tags("direction", direction, "mode", mode)
                .register(meters);
    }

    @Override
    public void readAhead(ReadableByteChannel source, long length, OutputStream sink) throws IOException {
        ChunkHandoff handoff = new ChunkHandoff();
        Future<?> reader = start(() -> fill(handoff, source, length));
        if (reader == null) {
            downloadsDirect.increment();
            DirectCopy.of(source, length, sink);
            return;
        }
        downloadsOverlapped.increment();
        finish(reader, failureOf(() -> drain(handoff, sink)));
    }

    @Override
    public long writeBehind(InputStream source, OutputStream sink) throws IOException {
        ChunkHandoff handoff = new ChunkHandoff();
        Future<?> writer = start(() -> drain(handoff, sink));
        if (writer == null) {
            uploadsDirect.increment();
            return DirectCopy.of(source, sink);
        }
        uploadsOverlapped.increment();
        long[] total = new long[1];
        finish(writer, failureOf(() -> total[0] = fill(handoff, source)));
        return total[0];
    }

    /** Producer of a download: {@code length} bytes of the channel, or EOFException if it has fewer. */
    private static void fill(ChunkHandoff handoff, ReadableByteChannel source, long length) throws IOException {
        try {
            for (long left = length; left > 0; ) {
                Chunk chunk = handoff.nextEmpty();
                ByteBuffer buffer = ByteBuffer.wrap(chunk.bytes, 0, (int) Math.min(chunk.bytes.length, left));
                while (buffer.hasRemaining()) {
                    if (source.read(buffer) < 0) {
                        throw new EOFException("The stored file ended early");
                    }
                }
                chunk.length = buffer.position();
                left -= chunk.length;
                handoff.pass(chunk);
            }
            handoff.end();
        } catch (IOException | RuntimeException | Error e) {
            handoff.stop();
            throw e;
        }
    }

    /** Producer of an upload: the stream to its end; returns how many bytes it had. */
    private static long fill(ChunkHandoff handoff, InputStream source) throws IOException {
        try {
            long total = 0;
            while (true) {
                Chunk chunk = handoff.nextEmpty();
                chunk.length = source.readNBytes(chunk.bytes, 0, chunk.bytes.length);
                total += chunk.length;
                if (chunk.length > 0) {
                    handoff.pass(chunk);
                }
                if (chunk.length < chunk.bytes.length) {
                    handoff.end();
                    return total;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            handoff.stop();
            throw e;
        }
    }

    /** The consumer of either: writes every chunk to the sink in order. */
    private static void drain(ChunkHandoff handoff, OutputStream sink) throws IOException {
        try {
            for (Chunk chunk = handoff.nextFilled(); chunk != null; chunk = handoff.nextFilled()) {
                sink.write(chunk.bytes, 0, chunk.length);
                handoff.recycle(chunk);
            }
        } catch (IOException | RuntimeException | Error e) {
            handoff.stop();
            throw e;
        }
    }

    /** Runs the caller's side; what it threw, or null. */
    @Nullable
    private static Throwable failureOf(IoTask callerSide) {
        try {
            callerSide.run();
            return null;
        } catch (IOException | RuntimeException | Error e) {
            return e;
        }
    }

    /**
     * The other side on a pool thread, null if none is idle. It acts for the request: it gets the
     * request's logging context, request attributes and security context, so that what it publishes (a
     * tamper alarm while decrypting) names the request and the caller as the request's own thread would.
     */
    @Nullable
    private Future<?> start(IoTask task) {
        if (pool == null) {
            return null;
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        SecurityContext security = SecurityContextHolder.getContext();
        try {
            return pool.submit(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                RequestContextHolder.setRequestAttributes(request);
                SecurityContextHolder.setContext(security);
                try {
                    task.run();
                } finally {
                    SecurityContextHolder.clearContext();
                    RequestContextHolder.resetRequestAttributes();
                    MDC.clear();
                }
                return null;
            });
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    /**
     * Waits until the pool thread has let go of the source and sink, then throws what went wrong first:
     * the caller's own failure, or else the pool thread's.
     */
    private static void finish(Future<?> other, @Nullable Throwable callerFailure) throws IOException {
        Throwable otherFailure = awaitUninterruptibly(other);
        if (callerFailure != null && !(callerFailure instanceof OtherSideStopped)) {
            rethrow(callerFailure);
        }
        if (otherFailure != null) {
            rethrow(otherFailure);
        }
        if (callerFailure != null) {
            rethrow(callerFailure);
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IOException(failure); // no task throws another checked exception
    }

    @Nullable
    private static Throwable awaitUninterruptibly(Future<?> other) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    other.get();
                    return null;
                } catch (ExecutionException e) {
                    return e.getCause();
                } catch (InterruptedException e) {
                    interrupted = true; // the other thread still holds the caller's streams: wait for it
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException;
    }
}
