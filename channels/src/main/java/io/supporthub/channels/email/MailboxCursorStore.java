package io.supporthub.channels.email;

import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import java.util.List;

/**
 * Where the IMAP import remembers how far it got in a mailbox: the folder's UIDVALIDITY and the highest UID whose
 * mail was handed over and committed. The hub implements it on its database.
 */
public interface MailboxCursorStore {

    /** How far the import got; UIDs only mean something within their UIDVALIDITY. */
    record Cursor(long uidValidity, long lastUid) {
    }

    /** The saved cursor of a mailbox, or null when nothing was imported yet. */
    Cursor load(String mailbox) throws Exception;

    void save(String mailbox, long uidValidity, long lastUid) throws Exception;

    /**
     * Hands one batch of mails to the sink and then advances the cursor. The default commits them one after the other
     * (a crash between the two re-imports the batch, which the hub drops by Message-ID); the hub should override it
     * to do both in one database transaction. Throwing means nothing was committed.
     */
    default void commit(FetchedPayloadSink sink, List<FetchedPayload> mails, String mailbox, long uidValidity,
                        long lastUid) throws Exception {
        sink.accept(mails);
        save(mailbox, uidValidity, lastUid);
    }
}
