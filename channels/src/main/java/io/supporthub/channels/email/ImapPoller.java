package io.supporthub.channels.email;

import io.supporthub.channels.FetchedPayloadSink;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the support mailbox. After every import that took mail, and whenever new mail was announced during it, it
 * looks again at once; only a look that finds nothing new is followed by a wait: in IMAP IDLE when the server offers
 * it, until the server announces something, and never longer than {@code pollInterval} ({@code MAIL_POLL_SECONDS})
 * nor {@code idleRenewal} (default 25 minutes, below the servers' 29-minute limit); without IDLE a sleep of one poll
 * interval. When IDLE fails it falls back to polling; after a failed import (sink or store down) it waits one poll
 * interval and tries again, so nothing is lost. Runs on one daemon thread from {@link #start()} to {@link #close()};
 * {@link #pollOnce()} runs one import on the caller's thread.
 */
public final class ImapPoller implements AutoCloseable {

    public static final Duration DEFAULT_IDLE_RENEWAL = Duration.ofMinutes(25);
    public static final int DEFAULT_BATCH_SIZE = 10;
    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final ImapSettings settings;
    private final Duration pollInterval;
    private final Duration longestIdle;
    private final Session session;
    private final MailboxImport mailboxImport;
    private final ReentrantLock lock = new ReentrantLock();
    private final IdleWait idleWait;
    private volatile boolean running;
    private volatile boolean idleFailed;
    private Thread thread;
    private Store store;
    private IMAPFolder folder;

    public ImapPoller(ImapSettings settings, MailParser parser, FetchedPayloadSink sink, MailboxCursorStore cursors,
                      Duration pollInterval) {
        this(settings, parser, sink, cursors, pollInterval, DEFAULT_IDLE_RENEWAL, DEFAULT_BATCH_SIZE);
    }

    public ImapPoller(ImapSettings settings, MailParser parser, FetchedPayloadSink sink, MailboxCursorStore cursors,
                      Duration pollInterval, Duration idleRenewal, int batchSize) {
        if (pollInterval.isNegative() || pollInterval.isZero() || idleRenewal.isNegative() || idleRenewal.isZero()) {
            throw new IllegalArgumentException("poll interval and IDLE renewal must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.settings = settings;
        this.pollInterval = pollInterval;
        this.longestIdle = pollInterval.compareTo(idleRenewal) < 0 ? pollInterval : idleRenewal;
        this.session = Session.getInstance(properties(settings, idleRenewal));
        this.mailboxImport = new MailboxImport(settings.mailboxKey(), parser, sink, cursors, batchSize);
        this.idleWait = new IdleWait(settings.toString());
    }

    /** Starts importing on a daemon thread. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "imap-poller " + settings.folder());
        thread.setDaemon(true);
        thread.start();
        log.info("importing mail from {}, waiting in IDLE when offered, looking at least every {}", settings, pollInterval);
    }

    /** How many waits in IMAP IDLE this poller has entered. */
    public int idleWaits() {
        return idleWait.entered();
    }

    /** One import now; returns how many mails were committed. Throws when the server, the sink or the store failed. */
    public int pollOnce() throws Exception {
        lock.lock();
        try {
            return mailboxImport.run(openFolder());
        } catch (Exception e) {
            disconnect();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            long mark = idleWait.mark();
            boolean ok;
            int imported = 0;
            try {
                imported = pollOnce();
                ok = true;
            } catch (Exception e) {
                ok = false;
                if (running) {
                    log.warn("mail import from {} failed, nothing was marked; trying again in {} s: {}", settings,
                            pollInterval.toSeconds(), e.toString());
                }
            }
            if (!running) {
                break;
            }
            if (ok && (imported > 0 || idleWait.announcedSince(mark))) {
                continue; // mail may have come in during the import, and the server tells of it only once
            }
            if (ok && !idleFailed && supportsIdle()) {
                idle(mark);
            } else {
                sleep(pollInterval);
            }
        }
    }

    private boolean supportsIdle() {
        try {
            return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
        } catch (MessagingException e) {
            return false;
        }
    }

    /** Waits in IDLE for news announced since {@code mark}, at most the longest IDLE. */
    private void idle(long mark) {
        IMAPFolder idleFolder = folder;
        if (idleFolder == null) {
            return;
        }
        try {
            idleWait.await(idleFolder, mark, longestIdle);
        } catch (MessagingException | RuntimeException e) {
            if (running) {
                idleFailed = true;
                log.warn("IMAP IDLE on {} failed, polling every {} s instead: {}", settings, pollInterval.toSeconds(),
                        e.toString());
                disconnect();
            }
        }
    }

    private IMAPFolder openFolder() throws MessagingException {
        if (store == null || !store.isConnected()) {
            store = session.getStore(settings.ssl() ? "imaps" : "imap");
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        }
        if (folder == null || !folder.isOpen()) {
            Folder found = store.getFolder(settings.folder());
            if (!found.exists()) {
                throw new MessagingException("folder '" + settings.folder() + "' does not exist in " + settings);
            }
            found.open(Folder.READ_WRITE);
            folder = (IMAPFolder) found;
            idleWait.watch(folder);
        }
        return folder;
    }

    private void disconnect() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing {}: {}", settings, e.toString());
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing the connection to {}: {}", settings, e.toString());
        }
        folder = null;
        store = null;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops the thread and closes the connection; waits up to 10 s for the current import to finish. */
    @Override
    public void close() {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
            thread = null;
        }
        idleWait.stop();
        if (current != null) {
            current.interrupt();
            try {
                current.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        idleWait.close();
        lock.lock();
        try {
            disconnect();
        } finally {
            lock.unlock();
        }
    }

    /** Connects and logs in to the mailbox, then leaves: the connection test. Throws what the server answered. */
    public static void checkLogin(ImapSettings settings) throws MessagingException {
        Session session = Session.getInstance(properties(settings, Duration.ofSeconds(30)));
        try (Store store = session.getStore(settings.ssl() ? "imaps" : "imap")) {
            store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        }
    }

    private static Properties properties(ImapSettings settings, Duration idleRenewal) {
        String protocol = settings.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".peek", "true");
        props.setProperty("mail." + protocol + ".connectiontimeout", "30000");
        // reads wait through a whole IDLE, so the timeout must outlast the renewal
        props.setProperty("mail." + protocol + ".timeout", Long.toString(idleRenewal.plusMinutes(2).toMillis()));
        props.setProperty("mail." + protocol + ".writetimeout", "30000");
        if (settings.ssl()) {
            props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        return props;
    }
}
