package io.supporthub.hub.apichannel;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a small limit, then dropped: a receiver answering with a large (or endless) body holds
 * no memory and no worker. Used for the text of an error to show in the delivery state.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final ByteArrayOutputStream read = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int limit) {
        return info -> new LimitedBody(limit);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), limit - read.size());
            byte[] bytes = new byte[take];
            buffer.get(bytes);
            read.write(bytes, 0, take);
        }
        if (read.size() >= limit) {
            result.complete(read.toByteArray());
            subscription.cancel();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // What was read is enough to name the answer; a body cut off after its start is no failure of the delivery.
        result.complete(read.toByteArray());
    }

    @Override
    public void onComplete() {
        result.complete(read.toByteArray());
    }
}
