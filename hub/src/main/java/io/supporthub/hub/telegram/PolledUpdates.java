package io.supporthub.hub.telegram;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.telegram.TelegramUpdateParser;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.FetchedPath;
import io.supporthub.hub.db.Transactions;

import java.io.IOException;
import java.util.List;

/**
 * The updates long polling fetches, each on its own: its events stored and its callback query answered after the
 * commit, or the update kept aside as the Bot API sent it, for a retry through the same parser.
 */
final class PolledUpdates extends FetchedPath {

    /** What updates kept aside from long polling are marked with. */
    static final String SOURCE = "telegram getUpdates";

    private final TelegramUpdateParser parser;
    private final CallbackAnswers callbacks;

    PolledUpdates(TelegramUpdateParser parser, Transactions transactions, ChannelEventHandler events,
                  CallbackAnswers callbacks) {
        super(ChannelKind.TELEGRAM, SOURCE, transactions, events);
        this.parser = parser;
        this.callbacks = callbacks;
    }

    /** The poller's sink: each update taken, callback queries answered once stored. */
    void accept(List<FetchedPayload> updates) {
        for (FetchedPayload update : updates) {
            if (!take(update).keptAside()) {
                callbacks.answer(update.events());
            }
        }
    }

    @Override
    protected FetchedPayload parse(RawPayload raw) throws IOException {
        return parser.fetched(raw);
    }
}
