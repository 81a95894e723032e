package io.supporthub.hub.channelevent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.RawPayload;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.inbox.KeptAside;
import io.supporthub.hub.web.BodyLimit;
import io.supporthub.hub.web.ErrorHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one shape of a provider's webhook: read the request, check its signature (missing 401, wrong 403), parse it,
 * handle its events in one transaction through the {@link ChannelEventHandler}, answer. A payload that can never be
 * processed is kept aside and acknowledged, so that the provider moves on; a passing failure while parsing (media that
 * cannot be fetched now) answers 503, as a database outage does through ErrorHandling, so that the provider
 * redelivers. A provider's route adds only what is its own: how its request is read and verified, its parser, its
 * answers and its log lines.
 *
 * @param <R> the request as the provider's verifier and parser take it (the body's text or bytes, a form)
 */
public abstract class WebhookRoute<R> implements Handler, Replayable {

    private static final Logger log = LoggerFactory.getLogger(WebhookRoute.class);

    private final ChannelKind channel;
    private final ChannelEventHandler events;
    private String path;

    protected WebhookRoute(ChannelKind channel, ChannelEventHandler events) {
        this.channel = channel;
        this.events = events;
    }

    /** Serves the route on {@code path}, taking bodies up to {@code limit}. */
    public final void register(RoutesConfig routes, String path, BodyLimit limit) {
        this.path = path;
        limit.post(routes, path, this);
        events.replayable(path, this);
    }

    @Override
    public final void handle(Context ctx) {
        RawPayload raw = new RawPayload(ctx.contentType(), ctx.headerMap(), ctx.bodyAsBytes());
        R request;
        try {
            request = read(raw);
        } catch (IllegalArgumentException e) {
            refuseUnreadable(ctx, e);
            return;
        }
        SignatureCheck check = verify(ctx, request);
        if (!check.valid()) {
            ErrorHandling.respond(ctx, check.httpStatus(), check == SignatureCheck.MISSING ? "unauthorized" : "forbidden",
                    refused(ctx, check));
            return;
        }
        KeptAside.Origin origin = new KeptAside.Origin(channel, path, raw, true);
        List<ChannelEvent> parsed;
        try {
            parsed = parse(request);
        } catch (UnprocessablePayloadException e) {
            events.keepAside(origin, e.getMessage());
            acknowledge(ctx, e);
            return;
        } catch (IOException e) {
            ErrorHandling.respond(ctx, 503, "unavailable", unavailable(e));
            return;
        }
        answer(ctx, parsed, events.handleAll(parsed, origin));
    }

    /**
     * A body that is not even in the provider's format cannot carry a valid signature: refused as one without (401) or
     * with a wrong one (403), never parsed.
     */
    private void refuseUnreadable(Context ctx, IllegalArgumentException e) {
        boolean missing = ctx.header(signatureHeader()) == null;
        log.warn("{} webhook call to {} from {} refused: its body is not in the provider's format ({}) and {}",
                channel.wireName(), path, ctx.ip(), e.getMessage(), missing ? "it is not signed" : "its signature cannot match");
        ErrorHandling.respond(ctx, missing ? 401 : 403, missing ? "unauthorized" : "forbidden",
                "the body is not in the provider's format" + (missing ? " and the " + signatureHeader() + " header is missing" : ""));
    }

    /**
     * A payload kept aside from this route, through its parser and the handler again; its signature was checked on
     * receipt and is not checked again. A passing failure (media that cannot be fetched now, the database) is thrown.
     */
    @Override
    public final Replayed replay(RawPayload raw) {
        List<ChannelEvent> parsed;
        try {
            parsed = parse(read(raw));
        } catch (UnprocessablePayloadException e) {
            return Replayed.keptAside(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Replayed.of(events.handleOrThrow(parsed).accepted());
        } catch (RuntimeException e) {
            if (Failures.isPassing(e)) {
                throw e;
            }
            log.error("{} payload kept aside could still not be stored", channel.wireName(), e);
            return Replayed.keptAside("could not be stored: " + Failures.reason(e));
        }
    }

    /**
     * The request as the verifier and parser take it, from the request as received (before anything is trusted);
     * throws IllegalArgumentException for a body that is not in the provider's format at all.
     */
    protected abstract R read(RawPayload raw);

    /** The header that carries the provider's signature or secret. */
    protected abstract String signatureHeader();

    protected abstract SignatureCheck verify(Context ctx, R request);

    /** Logs a refused call if the provider's operators need to hear of it; gives the message answered with it. */
    protected abstract String refused(Context ctx, SignatureCheck check);

    protected abstract List<ChannelEvent> parse(R request) throws UnprocessablePayloadException, IOException;

    /** Answers a payload that was kept aside, so that the provider does not send it again. */
    protected abstract void acknowledge(Context ctx, UnprocessablePayloadException e);

    /** Logs a passing failure while parsing; gives the message answered with the 503. */
    protected abstract String unavailable(IOException e);

    /** Answers once the events are committed. */
    protected abstract void answer(Context ctx, List<ChannelEvent> committed, ChannelEventHandler.Handled handled);
}
