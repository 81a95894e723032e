package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may open a contact's card (issue 16): senior specialists and administrators, any contact; a specialist, the
 * contacts of tickets they are responsible for, opened, observe (themselves or through a group) or that sit in the
 * queue of one of their groups, and the contacts they created themselves. Searching contacts to open a ticket for one stays open to everyone.
 */
public final class ContactAccess {

    private static final String REASON = "a specialist sees the card of a contact only when responsible for, the "
            + "author or an observer of one of the contact's tickets, when one is in their group's queue, or when they "
            + "created the contact";

    private final Transactions transactions;
    private final List<String> relations;

    public ContactAccess(Transactions transactions) {
        this.transactions = transactions;
        this.relations = List.of(ContactAccessQueries.ASSIGNEE, ContactAccessQueries.AUTHOR,
                ContactAccessQueries.IN_GROUP, ContactAccessQueries.OBSERVER);
    }



    public boolean maySee(Agent agent, long contactId) {
        if (agent.rank().atLeast(Role.SENIOR)) {
            return true;
        }
        return transactions.read(handle -> {
            ContactAccessQueries queries = new ContactAccessQueries(handle);
            return queries.related(contactId, agent.id(), relations) || queries.created(contactId, agent.id());
        });
    }

    /** A contact that does not exist is no one's: its routes answer 404, which tells nothing of anyone. */
    private boolean exists(long contactId) {
        return transactions.read(handle -> new ContactAccessQueries(handle).exists(contactId));
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
                return maySee(caller, contactId) || !exists(contactId) ? Optional.empty() : Optional.of(REASON);
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
