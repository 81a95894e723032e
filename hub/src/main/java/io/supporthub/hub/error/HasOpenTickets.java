package io.supporthub.hub.error;

/** Disabling an employee who is still responsible for tickets that are not closed, without saying where they go. */
public final class HasOpenTickets extends Refusal {

    private final long count;

    public HasOpenTickets(String name, long count) {
        super(Kind.CONFLICT, "has_open_tickets", name + " is responsible for " + count + " ticket(s) not closed; say where "
                + "they go: \"reassign\": {\"to\": {\"agentId\": n} | {\"groupId\": n} | {\"queue\": true}}");
        this.count = count;
    }

    public long count() {
        return count;
    }
}
