package io.supporthub.channels.email;

import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ChannelEventSink;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.UnprocessablePayloadException;
import io.supporthub.channels.UnprocessedPayload;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the mailbox: the mails above the saved UID cursor (all of them when UIDVALIDITY changed), in UID
 * order and in small batches, each batch committed through the cursor store before the cursor moves and the mails
 * are flagged \Seen. \Seen is never read: a mail a person already opened in a mail client is imported all the same.
 */
final class MailboxImport {

    static final int RAW_KEPT_FOR_UNPROCESSED = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(MailboxImport.class);

    private final String mailbox;
    private final MailParser parser;
    private final ChannelEventSink sink;
    private final MailboxCursorStore cursors;
    private final int batchSize;

    MailboxImport(String mailbox, MailParser parser, ChannelEventSink sink, MailboxCursorStore cursors, int batchSize) {
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
            List<ChannelEvent> events = new ArrayList<>();
            for (Message message : batch) {
                events.addAll(events(message, uid(folder, message)));
            }
            long lastUid = uid(folder, batch.get(batch.size() - 1));
            cursors.commit(sink, events, mailbox, uidValidity, lastUid);
            imported += batch.size();
            markSeen(folder, batch);
        }
        if (imported > 0) {
            log.info("imported {} mails from {}", imported, mailbox);
        }
        return imported;
    }

    private List<ChannelEvent> events(Message message, long uid) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        try {
            return parser.parse(bytes);
        } catch (UnprocessablePayloadException | RuntimeException e) {
            String reason = e instanceof UnprocessablePayloadException ? e.getMessage() : "parser failure: " + e;
            log.warn("mail UID {} in {} cannot be processed: {}", uid, mailbox, reason);
            byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, RAW_KEPT_FOR_UNPROCESSED));
            return List.of(new UnprocessedPayload(ChannelKind.EMAIL, MailText.decode(head, null), reason));
        }
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
