package io.supporthub.channels.email;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link MailboxCursorStore} in memory, for tests of the poller and of the hub's wiring. */
public final class InMemoryCursorStore implements MailboxCursorStore {

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

    @Override
    public Cursor load(String mailbox) {
        return cursors.get(mailbox);
    }

    @Override
    public void save(String mailbox, long uidValidity, long lastUid) {
        cursors.put(mailbox, new Cursor(uidValidity, lastUid));
    }
}
