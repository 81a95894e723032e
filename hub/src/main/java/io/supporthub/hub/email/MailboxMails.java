package io.supporthub.hub.email;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.email.MailParser;
import io.supporthub.hub.channelevent.AcceptsUnknownSenders;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.Replayed;
import io.supporthub.hub.channelevent.FetchedPath;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.inbox.AcceptResult;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The mails the mailbox import fetches, taken through {@link EmailInbound}: stored, or kept aside as their RFC 822
 * source, for a retry through the same {@link MailParser} and inbound steps.
 */
public final class MailboxMails extends FetchedPath implements FetchedPayloadSink, AcceptsUnknownSenders {

    /** What mails kept aside from the mailbox import are marked with. */
    public static final String SOURCE = "mailbox import";

    private final MailParser parser;
    private final EmailInbound inbound;
    private final Transactions transactions;
    private final ChannelEventHandler events;

    public MailboxMails(MailParser parser, EmailInbound inbound, Transactions transactions, ChannelEventHandler events) {
        super(ChannelKind.EMAIL, SOURCE, transactions, events);
        this.parser = parser;
        this.inbound = inbound;
        this.transactions = transactions;
        this.events = events;
    }

    /** Each mail on its own, in a transaction of its own. */
    @Override
    public void accept(List<FetchedPayload> mails) {
        for (FetchedPayload mail : mails) {
            take(mail);
        }
    }

    /** The mails within the caller's transaction (the one that moves the cursor): any failure is thrown. */
    public void storeIn(Handle handle, List<FetchedPayload> mails, AfterCommit afterCommit) {
        for (FetchedPayload mail : mails) {
            if (mail.refused()) {
                events.keepAside(handle, origin(mail.raw()), mail.refusal());
            } else {
                inbound.accept(handle, mail.events(), afterCommit,
                        sender -> events.keepForUnknownSender(handle, origin(mail.raw()), sender));
            }
        }
    }

    @Override
    protected FetchedPayload parse(RawPayload raw) {
        return parser.fetched(raw);
    }

    @Override
    protected Replayed store(FetchedPayload fetched) {
        boolean[] held = {false};
        List<AcceptResult> accepted = transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
            held[0] = false;
            return inbound.accept(handle, fetched.events(), afterCommit, sender -> {
                events.keepForUnknownSender(handle, origin(fetched.raw()), sender);
                held[0] = true;
            });
        });
        return held[0] && accepted.isEmpty() ? Replayed.held() : Replayed.of(accepted);
    }

    @Override
    public List<AcceptResult> acceptUnknownSender(Handle handle, RawPayload raw, AfterCommit afterCommit) {
        FetchedPayload fetched = parse(raw);
        return fetched.refused() ? List.of() : inbound.accept(handle, fetched.events(), afterCommit, null);
    }
}
