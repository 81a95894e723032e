package io.supporthub.hub.channelevent;

import io.supporthub.channels.RawPayload;
import io.supporthub.hub.db.AfterCommit;
import io.supporthub.hub.inbox.AcceptResult;
import org.jdbi.v3.core.Handle;

import java.io.IOException;
import java.util.List;

/**
 * A path that holds payloads from unknown senders aside (the mailbox import, while contacts are not created for
 * unknown senders) and takes one in once an employee accepts its sender: the contact and the ticket are made then.
 */
public interface AcceptsUnknownSenders {

    /**
     * Takes the payload kept aside into the inbox within the caller's transaction, whatever the switch says; the inbox
     * dedupes, so a payload taken before answers duplicate.
     *
     * @throws IOException a passing failure
     */
    List<AcceptResult> acceptUnknownSender(Handle handle, RawPayload raw, AfterCommit afterCommit) throws IOException;
}
