package io.selvedge.protection.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Holds refusals back without holding a thread (Servlet async, completed by one timer thread), so that a client
 * flooding in a loop over few connections gets a handful of answers a second instead of thousands, each of which
 * costs the server its TLS record and parsing work. Past {@code atMost} waiting refusals the rest are answered at
 * once, so that a flood over many connections cannot pile up memory here; the connection cap bounds those.
 */
final class Tarpit implements AutoCloseable {

    private final Semaphore places;
    private final ScheduledExecutorService timer;

    Tarpit(int atMost) {
        this.places = new Semaphore(atMost);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "protection-tarpit");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends the refusal after {@code wait}, the container's thread free meanwhile: {@code body} written then, or
     * (null) what the response holds already, uncommitted in its buffer. False when it is not held back (no wait,
     * too many waiting already, or a request that cannot go asynchronous) and is to be sent now.
     */
    boolean holdBack(ServletRequest request, Duration wait, byte @Nullable [] body) {
        if (wait.isZero() || wait.isNegative() || !places.tryAcquire()) {
            return false;
        }
        AsyncContext waiting;
        try {
            waiting = request.startAsync();
            waiting.setTimeout(wait.toMillis() + 10_000);
        } catch (IllegalStateException notAsync) {
            places.release();
            return false;
        }
        try {
            timer.schedule(() -> answer(waiting, body), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            answer(waiting, body);
        }
        return true;
    }

    private void answer(AsyncContext waiting, byte @Nullable [] body) {
        try {
            if (body != null) {
                waiting.getResponse().getOutputStream().write(body);
            }
        } catch (IOException | IllegalStateException gone) {
            // The client left while it waited: nothing to answer.
        } finally {
            places.release();
            waiting.complete();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
