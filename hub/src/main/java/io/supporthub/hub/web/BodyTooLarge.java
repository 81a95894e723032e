package io.supporthub.hub.web;

import java.io.IOException;

/**
 * A request body that passed its route's {@link BodyLimit} while being read: whoever was reading it stops, and
 * {@link ErrorHandling} answers 413.
 */
public final class BodyTooLarge extends IOException {

    private final long limit;

    public BodyTooLarge(long limit) {
        super("the request body is larger than this route takes (" + limit + " bytes)", null);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** The answer's message, the same whether the size was declared or found while reading. */
    public static String message(long limit) {
        return "the request body is larger than this route takes (at most " + limit + " bytes)";
    }

    /** The body-too-large failure behind an exception (Jetty and Javalin wrap what the stream threw), if it is one. */
    public static java.util.Optional<BodyTooLarge> in(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
        }
        return java.util.Optional.empty();
    }
}
