package io.supporthub.hub.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Holds every request body to its route's {@link BodyLimit} in front of Javalin, so that no request, signed or not,
 * makes the hub buffer more than its route takes. A declared {@code Content-Length} over the limit is answered 413 at
 * once, before anything is read; a body without one (chunked, or slow) fails with {@link BodyTooLarge} as soon as it
 * passes the limit, whoever reads it (Javalin's body, Jetty's form and multipart parsers all read through here).
 */
public final class BodyLimitHandler extends Handler.Wrapper {

    private static final Logger log = LoggerFactory.getLogger(BodyLimitHandler.class);
    /** The most of a refused body read and dropped so that its sender sees the 413 (see {@link #discard}). */
    static final long DISCARD_BYTES = 32L * 1024 * 1024;
    private static final long DISCARD_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private final RouteBodyLimits limits;

    public BodyLimitHandler(RouteBodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        if (declared >= 0 && declared <= BodyLimit.LEAST_BYTES) {
            // Every route takes this much, and a declared length is all Jetty reads: no lookup, no counting.
            return super.handle(request, response, callback);
        }
        String path = Request.getPathInContext(request);
        long limit = limits.limitFor(request.getMethod(), path);
        if (declared > limit) {
            log.info("Refused {} {} from {}: declared a body of {} bytes, the route takes {}", request.getMethod(), path,
                    Request.getRemoteAddr(request), declared, limit);
            discard(request, declared);
            answerTooLarge(response, callback, limit);
            return true;
        }
        return super.handle(new Limited(request, limit), response, callback);
    }

    /**
     * Reads and drops a refused body of up to {@link #DISCARD_BYTES} (for 10 seconds at most) before the 413 goes out:
     * a client still writing its body when the connection closes is sent a reset, which takes the answer with it (Java's
     * HttpClient then reports no answer at all, curl a broken pipe). A client that sent {@code Expect: 100-continue}
     * has sent nothing and is answered at once; a bigger body is not read, and its sender may miss the answer.
     */
    private static void discard(Request request, long declared) {
        if (declared > DISCARD_BYTES || request.getHeaders().contains(HttpHeader.EXPECT)) {
            return;
        }
        long deadline = System.nanoTime() + DISCARD_NANOS;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Content.Source.asInputStream(request)) {
            while (System.nanoTime() < deadline && in.read(buffer) != -1) {
                // dropped
            }
        } catch (IOException e) {
            // The sender went away: there is no one to answer.
        }
    }

    /** The 413 in the hub's error shape; the connection closes, as the rest of the body will not be read. */
    private static void answerTooLarge(Response response, Callback callback, long limit) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "too_large");
        body.put("message", BodyTooLarge.message(limit));
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            json = "{\"error\":\"too_large\"}".getBytes(StandardCharsets.UTF_8);
        }
        response.setStatus(413);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        SecurityHeaders.forJson(response.getHeaders()::put);
        response.write(true, ByteBuffer.wrap(json), callback);
    }

    /** The request whose content ends in a {@link BodyTooLarge} failure once more than the limit was read. */
    private static final class Limited extends Request.Wrapper {

        private final long limit;
        private long read;
        private Content.Chunk tooLarge;

        Limited(Request request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Content.Chunk read() {
            if (tooLarge != null) {
                return tooLarge;
            }
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            read += chunk.remaining();
            if (read <= limit) {
                return chunk;
            }
            chunk.release();
            log.info("Refused {} {} from {}: its body passed the {} bytes the route takes", getMethod(),
                    Request.getPathInContext(this), Request.getRemoteAddr(this), limit);
            tooLarge = Content.Chunk.from(new BodyTooLarge(limit), true);
            return tooLarge;
        }
    }
}
