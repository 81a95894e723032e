package io.supporthub.hub.sms;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.sms.TwilioReconciler;
import io.supporthub.hub.channelevent.ChannelEventHandler;
import io.supporthub.hub.channelevent.FetchedPath;
import io.supporthub.hub.db.Transactions;

import java.io.IOException;
import java.time.Clock;

/**
 * The missed SMS reconciliation finds, each on its own: stored through the same {@link ChannelEventHandler} as the
 * webhook, or kept aside as the resource Twilio listed, for a retry through the same reconciler.
 */
final class ReconciledMessages extends FetchedPath {

    /** What messages kept aside from reconciliation are marked with. */
    static final String SOURCE = "sms reconciliation";

    private final TwilioReconciler reconciler;
    private final Clock clock;

    ReconciledMessages(TwilioReconciler reconciler, Transactions transactions, ChannelEventHandler events, Clock clock) {
        super(ChannelKind.SMS, SOURCE, transactions, events);
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Override
    protected FetchedPayload parse(RawPayload raw) throws IOException {
        return reconciler.fetched(reconciler.kept(raw, clock.instant()));
    }
}
