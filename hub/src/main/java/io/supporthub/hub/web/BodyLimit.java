package io.supporthub.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;

/**
 * The largest request body a route takes, declared with the route as Javalin endpoint metadata and enforced by
 * {@link BodyLimitHandler} while the body is read. A route that declares none takes {@link #JSON}.
 */
public record BodyLimit(long bytes) implements EndpointMetadata {

    /** The least any route takes: a body declared this long or shorter needs no route's limit looked up. */
    public static final long LEAST_BYTES = 16 * 1024;
    /** A login or a logout: an email, a password, a CSRF token. */
    public static final BodyLimit LOGIN = new BodyLimit(LEAST_BYTES);
    /** A provider's callback that carries no files (Twilio's forms, Viber's JSON: media come as links). */
    public static final BodyLimit CALLBACK = kilobytes(64);
    /** A Telegram update: a message of at most 4096 characters with its entities and the message it replies to. */
    public static final BodyLimit TELEGRAM_UPDATE = kilobytes(256);
    /** Every other route: an agent's JSON (a reply's text, a canned reply, settings). */
    public static final BodyLimit JSON = kilobytes(1024);

    public BodyLimit {
        if (bytes < LEAST_BYTES) {
            throw new IllegalArgumentException("a body limit is at least " + LEAST_BYTES + " bytes: " + bytes);
        }
    }

    public static BodyLimit kilobytes(long kilobytes) {
        return new BodyLimit(kilobytes * 1024);
    }

    /** For routes that take files: the largest attachment ({@code MAX_ATTACHMENT_MB}) and room for the rest. */
    public static BodyLimit attachments(long maxAttachmentBytes) {
        return new BodyLimit(maxAttachmentBytes + JSON.bytes());
    }

    public void post(RoutesConfig routes, String path, Handler handler) {
        routes.addEndpoint(Endpoint.create(HandlerType.POST, path).addMetadata(this).handler(handler));
    }

    public void put(RoutesConfig routes, String path, Handler handler) {
        routes.addEndpoint(Endpoint.create(HandlerType.PUT, path).addMetadata(this).handler(handler));
    }
}
