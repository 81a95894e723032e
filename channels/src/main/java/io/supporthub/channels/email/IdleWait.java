package io.supporthub.channels.email;

import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poller's wait for news in IMAP IDLE. A wait ends at the first of: an untagged response in the IDLE
 * ({@code idle(true)}), new mail the server announced in answer to any other command (an EXISTS sent with a FETCH, or
 * before the IDLE's continuation, which Angus Mail takes in without ending the IDLE), the longest wait, or
 * {@link #stop()}. A wait is ended from a timer thread by a NOOP: Angus Mail sends DONE first and runs the NOOP when
 * the IDLE is over. When the NOOP went out before the IDLE began, it is sent again until that wait has ended.
 */
final class IdleWait implements AutoCloseable {

    private static final Duration NOOP_RETRY = Duration.ofMillis(20);
    private static final Logger log = LoggerFactory.getLogger(IdleWait.class);

    private final String mailbox;
    private final ScheduledExecutorService timer;
    private final AtomicLong announcements = new AtomicLong();
    private final AtomicLong waitsEnded = new AtomicLong();
    private final AtomicInteger waitsEntered = new AtomicInteger();
    private volatile IMAPFolder waitingOn;
    private volatile boolean stopped;

    IdleWait(String mailbox) {
        this.mailbox = mailbox;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imap-idle-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Hears the new mail the server announces on this folder, whichever command it came with; once per opened folder. */
    void watch(IMAPFolder folder) {
        folder.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                announced();
            }
        });
    }

    /** Where the announcements stand; take it before a look, to ask afterwards whether new mail was announced since. */
    long mark() {
        return announcements.get();
    }

    boolean announcedSince(long mark) {
        return announcements.get() != mark;
    }

    /** How many IDLE commands a wait was started with. */
    int entered() {
        return waitsEntered.get();
    }

    /**
     * Waits in IDLE on the folder for at most {@code longest}; returns at once when new mail was announced since
     * {@code mark} (nothing would announce it again) or the wait was stopped.
     */
    void await(IMAPFolder folder, long mark, Duration longest) throws MessagingException {
        long wait = waitsEnded.get();
        waitingOn = folder;
        ScheduledFuture<?> deadline = timer.schedule(() -> end(folder, wait), longest.toMillis(), TimeUnit.MILLISECONDS);
        try {
            // after waitingOn is set: an announcement from now on ends this wait from the timer thread
            if (!stopped && !announcedSince(mark)) {
                waitsEntered.incrementAndGet();
                folder.idle(true);
            }
        } finally {
            waitingOn = null;
            waitsEnded.incrementAndGet();
            deadline.cancel(false);
        }
    }

    /** Ends the wait in progress, if any, and every later one returns at once. */
    void stop() {
        stopped = true;
        endCurrent();
    }

    private void announced() {
        announcements.incrementAndGet();
        endCurrent();
    }

    private void endCurrent() {
        IMAPFolder folder = waitingOn;
        if (folder == null) {
            return;
        }
        long wait = waitsEnded.get();
        try {
            timer.execute(() -> end(folder, wait));
        } catch (RejectedExecutionException e) {
            log.debug("the IDLE timer of {} is shut down", mailbox);
        }
    }

    private void end(IMAPFolder folder, long wait) {
        while (waitingOn == folder && waitsEnded.get() == wait) {
            try {
                folder.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                log.debug("ending the IDLE on {}: {}", mailbox, e.toString());
            }
            if (waitsEnded.get() != wait) {
                return;
            }
            try {
                Thread.sleep(NOOP_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
