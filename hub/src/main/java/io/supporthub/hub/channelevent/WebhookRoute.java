package io.supporthub.hub.channelevent;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.UnprocessedPayload;
import io.supporthub.hub.web.ErrorHandling;

import java.io.IOException;
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
public abstract class WebhookRoute<R> implements Handler {

    private final ChannelKind channel;
    private final ChannelEventHandler events;

    protected WebhookRoute(ChannelKind channel, ChannelEventHandler events) {
        this.channel = channel;
        this.events = events;
    }

    public final void register(RoutesConfig routes, String path) {
        routes.post(path, this);
    }

    @Override
    public final void handle(Context ctx) {
        R request = read(ctx);
        SignatureCheck check = verify(ctx, request);
        if (!check.valid()) {
            ErrorHandling.respond(ctx, check.httpStatus(), check == SignatureCheck.MISSING ? "unauthorized" : "forbidden",
                    refused(ctx, check));
            return;
        }
        List<ChannelEvent> parsed;
        try {
            parsed = parse(request);
        } catch (UnprocessablePayloadException e) {
            events.keepAside(new UnprocessedPayload(channel, keptText(ctx, request), e.getMessage()));
            acknowledge(ctx, e);
            return;
        } catch (IOException e) {
            ErrorHandling.respond(ctx, 503, "unavailable", unavailable(e));
            return;
        }
        answer(ctx, parsed, events.handleAll(parsed));
    }

    /** The request as received, before anything is trusted. */
    protected abstract R read(Context ctx);

    protected abstract SignatureCheck verify(Context ctx, R request);

    /** Logs a refused call if the provider's operators need to hear of it; gives the message answered with it. */
    protected abstract String refused(Context ctx, SignatureCheck check);

    protected abstract List<ChannelEvent> parse(R request) throws UnprocessablePayloadException, IOException;

    /** The payload as kept aside for review: the body's text. */
    protected String keptText(Context ctx, R request) {
        return ctx.body();
    }

    /** Answers a payload that was kept aside, so that the provider does not send it again. */
    protected abstract void acknowledge(Context ctx, UnprocessablePayloadException e);

    /** Logs a passing failure while parsing; gives the message answered with the 503. */
    protected abstract String unavailable(IOException e);

    /** Answers once the events are committed. */
    protected abstract void answer(Context ctx, List<ChannelEvent> committed, ChannelEventHandler.Handled handled);
}
