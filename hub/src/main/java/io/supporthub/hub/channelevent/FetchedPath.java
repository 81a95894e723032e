package io.supporthub.hub.channelevent;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.RawPayload;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.inbox.KeptAside;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one shape of what the hub fetches rather than receives (Telegram updates from getUpdates, mails from the mailbox,
 * Twilio messages found by reconciliation), beside {@link WebhookRoute} for what it receives. Each payload is taken on
 * its own: its events are stored in one transaction, or, when it can never be (its parser refused it, or our code
 * failed on it, logged as an error with its stack), it is kept aside raw as fetched, as verified (it came from the
 * provider's API over our credentials), under this path's source, so that a fix and a retry take it through this same
 * path again. A passing failure (the database) is thrown with nothing committed: the poller fetches it again.
 */
public abstract class FetchedPath implements Replayable {

    private static final Logger log = LoggerFactory.getLogger(FetchedPath.class);

    private final ChannelKind channel;
    private final String source;
    private final Transactions transactions;
    private final ChannelEventHandler events;

    /** @param source what kept-aside rows of this path are marked with, for a retry to find this path again */
    protected FetchedPath(ChannelKind channel, String source, Transactions transactions, ChannelEventHandler events) {
        this.channel = channel;
        this.source = source;
        this.transactions = transactions;
        this.events = events;
        events.replayable(source, this);
    }

    /** Takes the payload; see {@link #take(FetchedPayload, Consumer)}. */
    public final Replayed take(FetchedPayload fetched) {
        return take(fetched, handle -> {
        });
    }

    /**
     * Stores the payload's events, or keeps it aside; returns which it was (stored, duplicate or kept aside).
     *
     * @param alsoWhenKeptAside runs in the transaction that keeps it aside (a poller remembering it did)
     */
    public final Replayed take(FetchedPayload fetched, Consumer<Handle> alsoWhenKeptAside) {
        Replayed taken = run(fetched);
        if (taken.keptAside()) {
            transactions.inTransaction((handle, afterCommit) -> {
                events.keepAside(handle, origin(fetched.raw()), taken.reason());
                alsoWhenKeptAside.accept(handle);
                return null;
            });
        }
        return taken;
    }

    /** A payload kept aside from this path, through its parser and into the inbox again. */
    @Override
    public final Replayed replay(RawPayload raw) {
        try {
            return run(parse(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a payload of this path is kept aside. */
    public final KeptAside.Origin origin(RawPayload raw) {
        return new KeptAside.Origin(channel, source, raw, true);
    }

    /**
     * Parses a payload kept aside, as the poller parsed it when it was fetched.
     *
     * @throws IOException a passing failure (media that cannot be fetched now)
     */
    protected abstract FetchedPayload parse(RawPayload raw) throws IOException;

    /**
     * Stores the payload's events in a transaction of their own; a path may hold a payload back instead, kept aside in
     * that transaction ({@link Replayed#held}).
     */
    protected Replayed store(FetchedPayload fetched) {
        return Replayed.of(store(fetched.events()));
    }

    /** Stores the events in a transaction of their own; returns what the inbox did with the messages among them. */
    protected List<AcceptResult> store(List<ChannelEvent> parsed) {
        return events.handleOrThrow(parsed).accepted();
    }

    private Replayed run(FetchedPayload fetched) {
        if (fetched.refused()) {
            return Replayed.keptAside(fetched.refusal());
        }
        try {
            return store(fetched);
        } catch (RuntimeException e) {
            if (Failures.isPassing(e)) {
                throw e;
            }
            log.error("{} payload fetched could not be stored; it is kept aside for a retry once fixed",
                    channel.wireName(), e);
            return Replayed.keptAside("could not be stored: " + Failures.reason(e));
        }
    }
}
