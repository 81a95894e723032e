package io.supporthub.hub.email;

import io.supporthub.channels.FetchedPayloadSink;
import io.supporthub.channels.email.ImapPoller;
import io.supporthub.channels.email.MailParser;
import io.supporthub.channels.email.MailboxCursorStore;
import io.supporthub.hub.db.AdvisoryLock;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The support mailbox's import: one {@link ImapPoller} on one node at a time, chosen by an {@link AdvisoryLock} named
 * after the mailbox (nodes without it try again every {@link #LEADER_RETRY}); its batches are committed together with
 * the cursor by the {@link DatabaseCursorStore}.
 */
public final class MailboxImporter implements AutoCloseable {

    public static final Duration LEADER_RETRY = Duration.ofSeconds(30);

    private final EmailSettings settings;
    private final MailParser parser;
    private final FetchedPayloadSink mails;
    private final MailboxCursorStore cursors;
    private final AdvisoryLock lock;
    private ImapPoller running;

    public MailboxImporter(EmailSettings settings, MailParser parser, FetchedPayloadSink mails, MailboxCursorStore cursors,
                           DataSource lockSource, Duration leaderRetry) {
        this.settings = settings;
        this.parser = parser;
        this.mails = mails;
        this.cursors = cursors;
        this.lock = new AdvisoryLock(lockSource, "imap " + settings.imap().mailboxKey(), leaderRetry,
                this::startPolling, this::stopPolling);
    }

    /** Competes for the mailbox; the winner polls until it closes or loses its database connection. */
    public void start() {
        lock.start();
    }

    /** Whether this node holds the mailbox now. */
    public boolean polling() {
        return lock.held();
    }

    /** How many waits in IMAP IDLE this node's poller has entered since it took the mailbox; 0 when it does not hold it. */
    public synchronized int idleWaits() {
        return running == null ? 0 : running.idleWaits();
    }

    /**
     * One import on the caller's thread over a connection of its own (tests, or an admin's "check now"); returns how
     * many mails were committed. Safe beside the running poller: both commit through the same cursor, and Message-IDs
     * drop a mail both happened to read.
     */
    public int pollOnce() throws Exception {
        try (ImapPoller once = poller()) {
            return once.pollOnce();
        }
    }

    private ImapPoller poller() {
        return new ImapPoller(settings.imap(), parser, mails, cursors, settings.pollInterval());
    }

    private synchronized void startPolling() {
        running = poller();
        running.start();
    }

    private synchronized void stopPolling() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    @Override
    public void close() {
        lock.close();
        synchronized (this) {
            stopPolling();
        }
    }
}
