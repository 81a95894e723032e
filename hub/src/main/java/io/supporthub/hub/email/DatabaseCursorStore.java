package io.supporthub.hub.email;

import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import io.supporthub.channels.email.MailboxCursorStore;
import io.supporthub.hub.db.Failures;
import io.supporthub.hub.db.Transactions;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The IMAP cursor in the {@code mail_cursor} table. {@link #commit} stores a batch's mails (or keeps aside those that
 * cannot be parsed) and moves the cursor in ONE transaction: either both happen or neither, so a passing failure
 * (database down) leaves the mails to be picked up by the next poll, and a crash right after never imports them twice.
 */
public final class DatabaseCursorStore implements MailboxCursorStore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCursorStore.class);

    private final Transactions transactions;
    private final MailboxMails mails;

    public DatabaseCursorStore(Transactions transactions, MailboxMails mails) {
        this.transactions = transactions;
        this.mails = mails;
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

    /** The mails go to this store's own {@link MailboxMails}, inside the cursor's transaction; the poller's sink is not called. */
    @Override
    public void commit(FetchedPayloadSink ignored, List<FetchedPayload> batch, String mailbox, long uidValidity, long lastUid) {
        try {
            transactions.inTransactionRetryingConflicts((handle, afterCommit) -> {
                mails.storeIn(handle, batch, afterCommit);
                save(handle, mailbox, uidValidity, lastUid);
                return null;
            });
        } catch (RuntimeException e) {
            if (Failures.isPassing(e)) {
                throw e;
            }
            log.warn("A batch of {} mails from {} could not be stored ({}); taking them one by one", batch.size(), mailbox,
                    Failures.reason(e));
            // one that can never be stored is kept aside whole, so one bad mail never blocks the mailbox
            mails.accept(batch);
            save(mailbox, uidValidity, lastUid);
        }
    }

    private static void save(Handle handle, String mailbox, long uidValidity, long lastUid) {
        handle.createUpdate("insert into mail_cursor (mailbox, uid_validity, last_uid, updated_at) "
                        + "values (:mailbox, :uidValidity, :lastUid, now()) on conflict (mailbox) do update "
                        + "set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = now()")
                .bind("mailbox", mailbox).bind("uidValidity", uidValidity).bind("lastUid", lastUid)
                .execute();
    }
}
