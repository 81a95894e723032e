package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may open a contact's card (issue 16): senior specialists and administrators, any contact; a specialist, the
 * contacts of tickets they are responsible for or opened. Searching contacts to open a ticket for one stays open to
 * everyone. Once groups and observers exist, the integration adds their relations with {@link #withRelations}:
 * {@code "exists (select 1 from agent_group_member m where m.group_id = t.group_id and m.agent_id = :agent)"} and
 * {@code "exists (select 1 from ticket_observer o where o.ticket_id = t.id and (o.agent_id = :agent or o.group_id in
 * (select group_id from agent_group_member where agent_id = :agent)))"}.
 */
public final class ContactAccess {

    private static final String REASON = "a specialist sees the card of a contact only when responsible for, or the "
            + "author of, one of the contact's tickets";

    private final Transactions transactions;
    private final List<String> relations;

    public ContactAccess(Transactions transactions) {
        this(transactions, List.of(ContactAccessQueries.ASSIGNEE, ContactAccessQueries.AUTHOR, ContactAccessQueries.IN_GROUP));
    }

    private ContactAccess(Transactions transactions, List<String> relations) {
        this.transactions = transactions;
        this.relations = List.copyOf(relations);
    }

    /**
     * The same access with more relations to a ticket that open its contact's card: SQL conditions on the ticket
     * {@code t} and the employee {@code :agent} (the extension point for groups and observers).
     */
    public ContactAccess withRelations(String... more) {
        List<String> all = new ArrayList<>(relations);
        all.addAll(List.of(more));
        return new ContactAccess(transactions, all);
    }

    public boolean maySee(Agent agent, long contactId) {
        if (agent.rank().atLeast(Role.SENIOR)) {
            return true;
        }
        return transactions.read(handle -> new ContactAccessQueries(handle).related(contactId, agent.id(), relations));
    }

    /** The rule of routes whose {@code {id}} is a contact: {@code GET /api/contacts/{id}} and its changes. */
    public Rule cardRule() {
        return new Rule() {
            @Override
            public Optional<String> refusal(Agent caller, Map<String, String> pathParams) {
                long contactId;
                try {
                    contactId = Long.parseLong(pathParams.getOrDefault("id", ""));
                } catch (NumberFormatException e) {
                    // Not a contact's id: the route answers it (404), nothing is shown.
                    return Optional.empty();
                }
                return maySee(caller, contactId) ? Optional.empty() : Optional.of(REASON);
            }

            @Override
            public Role least() {
                return Role.SPECIALIST;
            }

            @Override
            public String toString() {
                return "contact card";
            }
        };
    }
}
