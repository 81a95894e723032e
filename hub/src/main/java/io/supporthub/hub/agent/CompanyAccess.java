package io.supporthub.hub.agent;

import io.supporthub.hub.db.Transactions;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may open a company's card (issue 17), by {@link ContactAccess}'s rule on the company's tickets: senior
 * specialists and administrators, any company; a specialist, the companies of tickets they are responsible for,
 * opened, observe (themselves or through a group) or that sit in the queue of one of their groups. The list of
 * companies stays open to everyone, as the search of contacts does.
 */
public final class CompanyAccess {

    private static final String REASON = "a specialist sees the card of a company only when responsible for, the "
            + "author or an observer of one of the company's tickets, or when one is in their group's queue";

    private final Transactions transactions;
    private final List<String> relations = List.of(ContactAccessQueries.ASSIGNEE, ContactAccessQueries.AUTHOR,
            ContactAccessQueries.IN_GROUP, ContactAccessQueries.OBSERVER);

    public CompanyAccess(Transactions transactions) {
        this.transactions = transactions;
    }

    public boolean maySee(Agent agent, long companyId) {
        if (agent.rank().atLeast(Role.SENIOR)) {
            return true;
        }
        return transactions.read(handle -> new ContactAccessQueries(handle).relatedToCompany(companyId, agent.id(), relations));
    }

    private boolean exists(long companyId) {
        return transactions.read(handle -> handle.createQuery("select exists (select 1 from company where id = :id)")
                .bind("id", companyId).mapTo(Boolean.class).one());
    }

    /** The rule of routes whose {@code {id}} is a company: {@code GET /api/companies/{id}} and its card. */
    public Rule cardRule() {
        return new Rule() {
            @Override
            public Optional<String> refusal(Agent caller, Map<String, String> pathParams) {
                long companyId;
                try {
                    companyId = Long.parseLong(pathParams.getOrDefault("id", ""));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                // No such company: the route answers 404, nothing is shown.
                return maySee(caller, companyId) || !exists(companyId) ? Optional.empty() : Optional.of(REASON);
            }

            @Override
            public Role least() {
                return Role.SPECIALIST;
            }

            @Override
            public String toString() {
                return "company card";
            }
        };
    }
}
