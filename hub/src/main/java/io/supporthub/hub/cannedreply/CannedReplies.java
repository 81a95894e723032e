package io.supporthub.hub.cannedreply;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.ticket.TypedVariables;
import org.jdbi.v3.core.Handle;
import io.supporthub.hub.error.Refusal;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.TextMode;
import io.supporthub.templates.canned.CannedReply;
import io.supporthub.templates.canned.CannedReplyGroup;
import io.supporthub.templates.canned.DefaultCannedReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Canned replies grouped by situation: stored, edited by admins, rendered for a ticket with its variables. */
public final class CannedReplies implements TypedVariables {

    private static final Logger log = LoggerFactory.getLogger(CannedReplies.class);

    /** A reply; {@code preview} is its text rendered for a ticket when the list was asked for one. */
    public record Reply(long id, long groupId, String title, String body, int position, String preview) {
        Reply withPreview(String text) {
            return new Reply(id, groupId, title, body, position, text);
        }
    }

    public record Group(long id, String name, int position, List<Reply> replies) {
    }

    /** A reply rendered for one ticket: plain text for messengers and SMS, escaped HTML for mail. */
    public record Rendered(String text, String html) {
    }

    private final Transactions transactions;
    private final TemplateRenderer renderer;
    private final String companyName;

    public CannedReplies(Transactions transactions, TemplateRenderer renderer, String companyName) {
        this.transactions = transactions;
        this.renderer = renderer;
        this.companyName = companyName;
    }

    /** Fills an empty hub with the default set in the given language, once. */
    public void seedDefaults(String language) {
        transactions.inTransaction((handle, afterCommit) -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            queries.lockGroups();
            if (queries.groupCount() > 0) {
                return null;
            }
            List<CannedReplyGroup> groups = new DefaultCannedReplies().forLanguage(language);
            for (CannedReplyGroup group : groups) {
                long groupId = queries.insertGroup(group.name(), group.position());
                for (CannedReply reply : group.replies()) {
                    queries.insertReply(groupId, reply.title(), reply.body(), reply.position());
                }
            }
            log.info("Seeded {} groups of canned replies ({})", groups.size(), language);
            return null;
        });
    }

    /** Every group with its replies in order; with a query, only replies whose title or text contains it. */
    public List<Group> all(String query) {
        return all(query, null, null);
    }

    /**
     * The same, each reply with its {@code preview}: the text as the customer of {@code ticketId} would read it from
     * {@code agentName} (the picker shows that, not template syntax).
     */
    public List<Group> all(String query, Long ticketId, String agentName) {
        return transactions.read(handle -> {
            String filter = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase(java.util.Locale.ROOT) + "%";
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            Map<String, Object> variables = ticketId == null ? null : variables(queries.ticket(ticketId)
                    .orElseThrow(() -> Refusal.notFound("no ticket " + ticketId)), agentName);
            Map<Long, List<Reply>> replies = queries.replies(filter).stream()
                    .map(reply -> variables == null ? reply : reply.withPreview(previewOf(reply.body(), variables)))
                    .collect(Collectors.groupingBy(Reply::groupId));
            return queries.groups().stream()
                    .map(g -> new Group(g.id(), g.name(), g.position(), replies.getOrDefault(g.id(), List.of())))
                    .filter(g -> filter == null || !g.replies().isEmpty())
                    .toList();
        });
    }

    public Group createGroup(String name) {
        return transactions.inTransaction((handle, afterCommit) -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            return group(queries, queries.createGroup(requireName(name)));
        });
    }

    public Group updateGroup(long id, String name, Integer position) {
        return transactions.inTransaction((handle, afterCommit) -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            if (!queries.updateGroup(id, name == null ? null : requireName(name), position)) {
                throw Refusal.notFound("no canned reply group " + id);
            }
            return group(queries, id);
        });
    }

    public void deleteGroup(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            if (!new CannedReplyQueries(handle).deleteGroup(id)) {
                throw Refusal.notFound("no canned reply group " + id);
            }
            return null;
        });
    }

    public Reply createReply(long groupId, String title, String body) {
        validate(body);
        return transactions.inTransaction((handle, afterCommit) -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            group(queries, groupId);
            return queries.createReply(groupId, requireName(title), body);
        });
    }

    public Reply updateReply(long id, Long groupId, String title, String body, Integer position) {
        if (body != null) {
            validate(body);
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            if (groupId != null) {
                group(queries, groupId);
            }
            return queries.updateReply(id, groupId, title == null ? null : requireName(title), body, position)
                    .orElseThrow(() -> Refusal.notFound("no canned reply " + id));
        });
    }

    /** Puts a group's replies in the order given (the hub's drag and drop). */
    public Group reorder(long groupId, List<Long> replyIds) {
        return transactions.inTransaction((handle, afterCommit) -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            Group group = group(queries, groupId);
            if (!group.replies().stream().map(Reply::id).collect(Collectors.toSet()).equals(new java.util.HashSet<>(replyIds))) {
                throw Refusal.invalid("'replyIds' must list exactly the replies of group " + groupId);
            }
            for (int i = 0; i < replyIds.size(); i++) {
                queries.setPosition(replyIds.get(i), i + 1);
            }
            return group(queries, groupId);
        });
    }

    public void deleteReply(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            if (!new CannedReplyQueries(handle).deleteReply(id)) {
                throw Refusal.notFound("no canned reply " + id);
            }
            return null;
        });
    }

    /** The reply with the ticket's variables: {{customer.name}}, {{ticket.number}}, {{agent.name}}, {{company.name}}. */
    public Rendered render(long replyId, long ticketId, String agentName) {
        return transactions.read(handle -> {
            CannedReplyQueries queries = new CannedReplyQueries(handle);
            String body = queries.body(replyId).orElseThrow(() -> Refusal.notFound("no canned reply " + replyId));
            CannedReplyQueries.TicketFacts ticket = queries.ticket(ticketId)
                    .orElseThrow(() -> Refusal.notFound("no ticket " + ticketId));
            Map<String, Object> variables = variables(ticket, agentName);
            return new Rendered(renderer.render(body, variables, TextMode.PLAIN), renderer.render(body, variables, TextMode.HTML));
        });
    }

    /** Text an agent typed with variables in it, rendered for the ticket; 422 naming what is wrong. */
    @Override
    public String render(Handle handle, long ticketId, long agentId, String text) {
        if (!text.contains("{{")) {
            return text;
        }
        try {
            renderer.validate(text, TemplateVariables.TICKET);
        } catch (IllegalArgumentException e) {
            throw Refusal.unprocessable("the text's template variables cannot be filled in: " + e.getMessage()
                    + " (known: " + String.join(", ", new java.util.TreeSet<>(TemplateVariables.TICKET)) + ")");
        }
        CannedReplyQueries queries = new CannedReplyQueries(handle);
        CannedReplyQueries.TicketFacts ticket = queries.ticket(ticketId).orElseThrow(() -> Refusal.notFound("no ticket " + ticketId));
        String agentName = handle.createQuery("select name from agent where id = :id").bind("id", agentId)
                .mapTo(String.class).findOne().orElse(null);
        return renderer.render(text, variables(ticket, agentName), TextMode.PLAIN);
    }

    private Map<String, Object> variables(CannedReplyQueries.TicketFacts ticket, String agentName) {
        String status = ticket.customStatus() != null ? ticket.customStatus() : ticket.status();
        return TemplateVariables.create()
                .customer(ticket.customer())
                .ticket(ticket.number(), ticket.subject(), status)
                .agent(agentName)
                .company(companyName)
                .asMap();
    }

    /** A stored reply as the picker previews it; one that no longer renders (edited by hand in the database) as written. */
    private String previewOf(String body, Map<String, Object> variables) {
        try {
            return renderer.render(body, variables, TextMode.PLAIN);
        } catch (IllegalArgumentException e) {
            log.warn("Canned reply does not render ({}); the picker shows its text as written", e.getMessage());
            return body;
        }
    }

    private void validate(String body) {
        if (body == null || body.isBlank()) {
            throw Refusal.invalid("'body' must not be empty");
        }
        try {
            renderer.validate(body, TemplateVariables.TICKET);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw Refusal.invalid("a name or title must be 1 to 120 characters");
        }
        return name.strip();
    }

    private static Group group(CannedReplyQueries queries, long id) {
        CannedReplyQueries.GroupRow row = queries.group(id)
                .orElseThrow(() -> Refusal.notFound("no canned reply group " + id));
        return new Group(row.id(), row.name(), row.position(), queries.repliesOf(id));
    }
}
