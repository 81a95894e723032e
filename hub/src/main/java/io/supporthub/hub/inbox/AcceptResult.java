package io.supporthub.hub.inbox;

/** What {@link Inbox#accept} did with a message. */
public record AcceptResult(Outcome outcome, long ticketId, long ticketNumber, long messageId) {

    public enum Outcome {
        /** A new ticket was opened for the message. */
        NEW_TICKET,
        /** The message joined an open ticket (waking it if it waited). */
        JOINED,
        /** The message reopened a resolved or closed ticket within the reopen window. */
        REOPENED,
        /** The ticket found was archived too long ago: a follow-up ticket was opened. */
        FOLLOW_UP,
        /** The message was already stored: nothing changed. */
        DUPLICATE,
        /** The message replaced the text of one already stored. */
        EDITED
    }

    public boolean changedSomething() {
        return outcome != Outcome.DUPLICATE;
    }
}
