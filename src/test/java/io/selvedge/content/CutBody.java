package io.selvedge.content;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;

/**
 * A chunk's body whose connection fails part way: it sends {@code sent} bytes of {@code whole} from {@code from},
 * counts {@code partSent} down, then fails once {@code cut} is open (at once for an open one).
 */
public record CutBody(byte[] whole, int from, int sent, CountDownLatch partSent, CountDownLatch cut)
        implements HttpRequest.BodyPublisher {

    /** A body whose connection drops as soon as its part is sent. */
    public static CutBody dropping(byte[] whole, int from, int sent) {
        return new CutBody(whole, from, sent, new CountDownLatch(1), new CountDownLatch(0));
    }

    @Override
    public long contentLength() {
        return -1; // chunked: the server cannot tell the end from a drop by the length
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new Flow.Subscription() {
            boolean done;

            @Override
            public void request(long n) {
                if (done) {
                    return;
                }
                done = true;
                subscriber.onNext(ByteBuffer.wrap(whole, from, sent));
                partSent.countDown();
                if (cut.getCount() == 0) {
                    subscriber.onError(new IOException("connection dropped"));
                    return;
                }
                new Thread(() -> {
                            try {
                                cut.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            subscriber.onError(new IOException("the connection was cut"));
                        })
                        .start();
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
