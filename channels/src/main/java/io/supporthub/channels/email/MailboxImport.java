package io.supporthub.channels.email;

import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.FetchedPayloadSink;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the mailbox: the mails above the saved UID cursor (all of them when UIDVALIDITY changed), in UID
 * order and in small batches, each mail with its RFC 822 source as the server gave it, each batch committed through the cursor store before the cursor moves and the mails
 * are flagged \Seen. \Seen is never read: a mail a person already opened in a mail client is imported all the same.
 */
final class MailboxImport {

    private static final Logger log = LoggerFactory.getLogger(MailboxImport.class);

    private final String mailbox;
    private final MailParser parser;
    private final FetchedPayloadSink sink;
    private final MailboxCursorStore cursors;
    private final int batchSize;

    MailboxImport(String mailbox, MailParser parser, FetchedPayloadSink sink, MailboxCursorStore cursors, int batchSize) {
        this.mailbox = mailbox;
        this.parser = parser;
        this.sink = sink;
        this.cursors = cursors;
        this.batchSize = batchSize;
    }

    /** Imports what is new; returns how many mails were committed. Throws when the sink or the store failed. */
    int run(IMAPFolder folder) throws Exception {
        long uidValidity = folder.getUIDValidity();
        MailboxCursorStore.Cursor cursor = cursors.load(mailbox);
        long from = 1;
        if (cursor != null && cursor.uidValidity() == uidValidity) {
            from = cursor.lastUid() + 1;
        } else if (cursor != null) {
            log.warn("mailbox {} changed UIDVALIDITY from {} to {}: importing it again from the start (duplicates are"
                    + " dropped by Message-ID)", mailbox, cursor.uidValidity(), uidValidity);
        }
        Message[] found = folder.getMessagesByUID(from, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(found, profile);
        List<Message> fresh = new ArrayList<>();
        for (Message message : found) {
            // "n:*" always names the last mail, even when its UID is below n
            if (message != null && folder.getUID(message) >= from) {
                fresh.add(message);
            }
        }
        fresh.sort(Comparator.comparingLong(m -> uid(folder, m)));
        int imported = 0;
        for (int start = 0; start < fresh.size(); start += batchSize) {
            List<Message> batch = fresh.subList(start, Math.min(fresh.size(), start + batchSize));
            List<FetchedPayload> mails = new ArrayList<>();
            for (Message message : batch) {
                mails.add(fetch(message, uid(folder, message)));
            }
            long lastUid = uid(folder, batch.get(batch.size() - 1));
            cursors.commit(sink, mails, mailbox, uidValidity, lastUid);
            imported += batch.size();
            markSeen(folder, batch);
        }
        if (imported > 0) {
            log.info("imported {} mails from {}", imported, mailbox);
        }
        return imported;
    }

    /** The mail's RFC 822 source as the server gave it, parsed. */
    private FetchedPayload fetch(Message message, long uid) throws MessagingException, IOException {
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        message.writeTo(source);
        FetchedPayload mail = parser.fetched(MailParser.source(source.toByteArray()));
        if (mail.refused()) {
            log.warn("mail UID {} in {} cannot be processed, keeping it aside: {}", uid, mailbox, mail.refusal());
        }
        return mail;
    }

    private void markSeen(IMAPFolder folder, List<Message> batch) {
        try {
            folder.setFlags(batch.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        } catch (MessagingException e) {
            log.warn("committed mails in {} could not be flagged \\Seen: {}", mailbox, e.toString());
        }
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("no UID for a fetched mail", e);
        }
    }
}
