package io.supporthub.hub.email;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelEventSink;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.UnprocessedPayload;
import io.supporthub.channels.email.MailboxCursorStore;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.inbox.KeptAside;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The IMAP cursor in the {@code mail_cursor} table. {@link #commit} stores a batch's events and moves the cursor in
 * ONE transaction: either both happen or neither, so a failure anywhere (database down, a bug in a step) leaves the
 * mails to be picked up by the next poll, and a crash right after never imports them twice.
 */
public final class DatabaseCursorStore implements MailboxCursorStore {

    /** Takes events within the caller's transaction. */
    @FunctionalInterface
    public interface TransactionalSink {
        void accept(Handle handle, List<ChannelEvent> events, AfterCommit afterCommit);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DatabaseCursorStore.class);

    private final Transactions transactions;
    private final TransactionalSink events;

    public DatabaseCursorStore(Transactions transactions, TransactionalSink events) {
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public Cursor load(String mailbox) {
        return transactions.read(handle -> handle.createQuery("select uid_validity, last_uid from mail_cursor where mailbox = :mailbox")
                .bind("mailbox", mailbox)
                .map((rs, ctx) -> new Cursor(rs.getLong("uid_validity"), rs.getLong("last_uid")))
                .findOne()
                .orElse(null));
    }

    @Override
    public void save(String mailbox, long uidValidity, long lastUid) {
        transactions.inTransaction((handle, afterCommit) -> {
            save(handle, mailbox, uidValidity, lastUid);
            return null;
        });
    }

    /** The events go to this store's own sink, inside the cursor's transaction; the poller's sink is not called. */
    @Override
    public void commit(ChannelEventSink ignored, List<ChannelEvent> batch, String mailbox, long uidValidity, long lastUid) {
        try {
            transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
                events.accept(handle, batch, afterCommit);
                save(handle, mailbox, uidValidity, lastUid);
                return null;
            });
        } catch (RuntimeException e) {
            if (Failures.isPassing(e)) {
                throw e;
            }
            commitOneByOne(batch, mailbox, uidValidity, lastUid, e);
        }
    }

    /**
     * A batch that cannot be stored for good holds a mail that never will be: store the others one by one, keep that
     * one aside with the reason, and move the cursor on, so one bad mail never blocks the mailbox.
     */
    private void commitOneByOne(List<ChannelEvent> batch, String mailbox, long uidValidity, long lastUid, RuntimeException cause) {
        log.warn("A batch of {} mails from {} could not be stored ({}); storing them one by one", batch.size(), mailbox,
                Failures.reason(cause));
        for (ChannelEvent event : batch) {
            try {
                transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
                    events.accept(handle, List.of(event), afterCommit);
                    return null;
                });
            } catch (RuntimeException e) {
                if (Failures.isPassing(e)) {
                    throw e;
                }
                UnprocessedPayload payload = new UnprocessedPayload(ChannelKind.EMAIL, String.valueOf(event),
                        "could not be stored: " + Failures.reason(e));
                transactions.inTransaction((handle, afterCommit) -> {
                    KeptAside.keep(handle, payload, java.time.Instant.now());
                    return null;
                });
            }
        }
        save(mailbox, uidValidity, lastUid);
    }

    private static void save(Handle handle, String mailbox, long uidValidity, long lastUid) {
        handle.createUpdate("insert into mail_cursor (mailbox, uid_validity, last_uid, updated_at) "
                        + "values (:mailbox, :uidValidity, :lastUid, now()) on conflict (mailbox) do update "
                        + "set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = now()")
                .bind("mailbox", mailbox).bind("uidValidity", uidValidity).bind("lastUid", lastUid)
                .execute();
    }
}
