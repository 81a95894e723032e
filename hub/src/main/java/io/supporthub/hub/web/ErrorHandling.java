package io.supporthub.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.error.HasOpenTickets;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.error.TooManyAttempts;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every error as {@code {"error", "message"}} with a fitting status: a {@link Refusal} by its kind, a passing database
 * failure as a 503 the caller may retry, a body over its route's limit as a 413, anything else as a logged 500.
 * Every exception handler is registered {@link #whileOpen}: an error that comes after its request is over is a line in
 * the log, never a second failure.
 */
public final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(Refusal.class, whileOpen((e, ctx) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            body.putAll(e.fields());
            ctx.status(status(e.kind())).json(body);
        }));
        routes.exception(TooManyAttempts.class, whileOpen(ErrorHandling::tooMany));
        routes.exception(HasOpenTickets.class, whileOpen((e, ctx) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.code());
            body.put("message", e.getMessage());
            body.put("count", e.count());
            ctx.status(status(e.kind())).json(body);
        }));
        routes.exception(ConnectionException.class, whileOpen((e, ctx) -> {
            log.warn("Database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            respond(ctx, 503, "unavailable", "the database is not answering; try again shortly");
        }));
        routes.exception(Exception.class, whileOpen((e, ctx) -> {
            Optional<BodyTooLarge> tooLarge = BodyTooLarge.in(e);
            if (tooLarge.isPresent()) {
                // BodyLimitHandler logged it; the rest of the body is not read and the connection closes.
                ctx.header("Connection", "close");
                respond(ctx, 413, "too_large", BodyTooLarge.message(tooLarge.get().limit()));
                return;
            }
            if (Failures.isBadValue(e)) {
                // A safety net behind the checks of each route: the value is refused, the request is at fault.
                log.warn("Refused {} {}: the database cannot take a value in it: {}", ctx.method(), ctx.path(),
                        Failures.reason(e).lines().findFirst().orElse(""));
                respond(ctx, 400, "bad_request", "a value in the request cannot be stored (a NUL character, a number out "
                        + "of range, a malformed date?)");
                return;
            }
            if (Failures.isPassing(e)) {
                log.warn("Database unavailable for {} {}: {}", ctx.method(), ctx.path(), Failures.reason(e));
                respond(ctx, 503, "unavailable", "the database is busy or not answering; try again shortly");
                return;
            }
            log.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal", "something went wrong on our side; it has been logged");
        }));
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(405, ctx -> respond(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
    }

    /**
     * {@code handler}, unless the request is already over: an event stream whose page went away is completed by its
     * failed write, Jetty recycles the request, and the stream's handler then returns into Javalin's remaining steps,
     * which fail on the recycled response. A handler that read the request then would throw too, and Javalin answers
     * an exception handler's failure with another exception task, without end: one thread looping and logging for as
     * long as the process lives. So the error is logged in one line and the handler is not run.
     */
    public static <T extends Exception> ExceptionHandler<T> whileOpen(ExceptionHandler<T> handler) {
        return (e, ctx) -> {
            if (isOver(ctx)) {
                log.warn("An error after its request was over (a client gone, say), not answered: {}: {}",
                        e.getClass().getSimpleName(), e.getMessage());
                return;
            }
            handler.handle(e, ctx);
        };
    }

    /** Whether Jetty has recycled the request: its parts are gone, and reading one throws. */
    public static boolean isOver(Context ctx) {
        try {
            ctx.req().getRequestURI();
            ctx.res().getStatus();
            return false;
        } catch (RuntimeException gone) {
            return true;
        }
    }

    /** 429 with {@code Retry-After} and the same figure in the body, for clients that read only JSON. */
    private static void tooMany(TooManyAttempts e, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", e.getMessage());
        body.put("retryAfterSeconds", e.retryAfterSeconds());
        ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        ctx.status(status(e.kind())).json(body);
    }

    /** The one place a refusal's kind becomes an HTTP status. */
    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNSUPPORTED_FORMAT -> 415;
            case UNPROCESSABLE -> 422;
            case TOO_MANY -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    public static void respond(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        ctx.status(status).json(body);
    }
}
