package dev.tokenhook.core.auth;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: past it, the exchange is cancelled and the body
 * completes with an {@link IOException}, so a key endpoint cannot make the hook hold more than that.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] bytes = new byte[8 * 1024];
    private int length;
    private Flow.Subscription subscription;

    private BoundedBody(int limit) {
        this.limit = limit;
    }

    /**
     * @param limit the most bytes accepted
     * @return a handler reading every response's body up to {@code limit} bytes
     */
    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int count = buffer.remaining();
            if (count > limit - length) {
                subscription.cancel();
                result.completeExceptionally(new IOException("body exceeds " + limit + " bytes"));
                return;
            }
            if (length + count > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.min(limit, Math.max(2 * bytes.length, length + count)));
            }
            buffer.get(bytes, length, count);
            length += count;
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(java.util.Arrays.copyOf(bytes, length));
    }
}
