package io.supporthub.hub.cannedreply;

import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.web.ApiException;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.TextMode;
import io.supporthub.templates.canned.CannedReply;
import io.supporthub.templates.canned.CannedReplyGroup;
import io.supporthub.templates.canned.DefaultCannedReplies;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Canned replies grouped by situation: stored, edited by admins, rendered for a ticket with its variables. */
public final class CannedReplies {

    private static final Logger log = LoggerFactory.getLogger(CannedReplies.class);

    public record Reply(long id, long groupId, String title, String body, int position) {
    }

    public record Group(long id, String name, int position, List<Reply> replies) {
    }

    private record GroupRow(long id, String name, int position) {
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
            handle.execute("lock table canned_group in exclusive mode");
            if (handle.createQuery("select count(*) from canned_group").mapTo(Long.class).one() > 0) {
                return null;
            }
            List<CannedReplyGroup> groups = new DefaultCannedReplies().forLanguage(language);
            for (CannedReplyGroup group : groups) {
                long groupId = handle.createUpdate("insert into canned_group (name, position) values (:name, :position)")
                        .bind("name", group.name()).bind("position", group.position())
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                for (CannedReply reply : group.replies()) {
                    handle.createUpdate("insert into canned_reply (group_id, title, body, position) values (:groupId, :title, :body, :position)")
                            .bind("groupId", groupId).bind("title", reply.title()).bind("body", reply.body())
                            .bind("position", reply.position()).execute();
                }
            }
            log.info("Seeded {} groups of canned replies ({})", groups.size(), language);
            return null;
        });
    }

    /** Every group with its replies in order; with a query, only replies whose title or text contains it. */
    public List<Group> all(String query) {
        return transactions.read(handle -> {
            String filter = query == null || query.isBlank() ? null : "%" + query.strip().toLowerCase(java.util.Locale.ROOT) + "%";
            Map<Long, List<Reply>> replies = handle.createQuery("select id, group_id, title, body, position from canned_reply "
                            + "where :filter is null or lower(title) like :filter or lower(body) like :filter order by position, id")
                    .bind("filter", filter)
                    .mapTo(Reply.class).stream().collect(Collectors.groupingBy(Reply::groupId));
            return handle.createQuery("select id, name, position from canned_group order by position, id")
                    .mapTo(GroupRow.class).stream()
                    .map(g -> new Group(g.id(), g.name(), g.position(), replies.getOrDefault(g.id(), List.of())))
                    .filter(g -> filter == null || !g.replies().isEmpty())
                    .toList();
        });
    }

    public Group createGroup(String name) {
        return transactions.inTransaction((handle, afterCommit) -> {
            long id = handle.createUpdate("insert into canned_group (name, position) values (:name, "
                            + "coalesce((select max(position) from canned_group), 0) + 1)")
                    .bind("name", requireName(name)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return group(handle, id);
        });
    }

    public Group updateGroup(long id, String name, Integer position) {
        return transactions.inTransaction((handle, afterCommit) -> {
            int changed = handle.createUpdate("update canned_group set name = coalesce(:name, name), "
                            + "position = coalesce(:position, position) where id = :id")
                    .bind("id", id).bind("name", name == null ? null : requireName(name)).bind("position", position).execute();
            if (changed == 0) {
                throw ApiException.notFound("no canned reply group " + id);
            }
            return group(handle, id);
        });
    }

    public void deleteGroup(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            if (handle.createUpdate("delete from canned_group where id = :id").bind("id", id).execute() == 0) {
                throw ApiException.notFound("no canned reply group " + id);
            }
            return null;
        });
    }

    public Reply createReply(long groupId, String title, String body) {
        validate(body);
        return transactions.inTransaction((handle, afterCommit) -> {
            group(handle, groupId);
            return handle.createQuery("insert into canned_reply (group_id, title, body, position) values (:groupId, :title, :body, "
                            + "coalesce((select max(position) from canned_reply where group_id = :groupId), 0) + 1) "
                            + "returning id, group_id, title, body, position")
                    .bind("groupId", groupId).bind("title", requireName(title)).bind("body", body)
                    .mapTo(Reply.class).one();
        });
    }

    public Reply updateReply(long id, Long groupId, String title, String body, Integer position) {
        if (body != null) {
            validate(body);
        }
        return transactions.inTransaction((handle, afterCommit) -> {
            if (groupId != null) {
                group(handle, groupId);
            }
            return handle.createQuery("update canned_reply set group_id = coalesce(:groupId, group_id), "
                            + "title = coalesce(:title, title), body = coalesce(:body, body), position = coalesce(:position, position) "
                            + "where id = :id returning id, group_id, title, body, position")
                    .bind("id", id).bind("groupId", groupId).bind("title", title == null ? null : requireName(title))
                    .bind("body", body).bind("position", position)
                    .mapTo(Reply.class).findOne().orElseThrow(() -> ApiException.notFound("no canned reply " + id));
        });
    }

    /** Puts a group's replies in the order given (the hub's drag and drop). */
    public Group reorder(long groupId, List<Long> replyIds) {
        return transactions.inTransaction((handle, afterCommit) -> {
            Group group = group(handle, groupId);
            if (!group.replies().stream().map(Reply::id).collect(Collectors.toSet()).equals(new java.util.HashSet<>(replyIds))) {
                throw ApiException.badRequest("'replyIds' must list exactly the replies of group " + groupId);
            }
            for (int i = 0; i < replyIds.size(); i++) {
                handle.createUpdate("update canned_reply set position = :position where id = :id")
                        .bind("id", replyIds.get(i)).bind("position", i + 1).execute();
            }
            return group(handle, groupId);
        });
    }

    public void deleteReply(long id) {
        transactions.inTransaction((handle, afterCommit) -> {
            if (handle.createUpdate("delete from canned_reply where id = :id").bind("id", id).execute() == 0) {
                throw ApiException.notFound("no canned reply " + id);
            }
            return null;
        });
    }

    /** The reply with the ticket's variables: {{customer.name}}, {{ticket.number}}, {{agent.name}}, {{company.name}}. */
    public Rendered render(long replyId, long ticketId, String agentName) {
        return transactions.read(handle -> {
            String body = handle.createQuery("select body from canned_reply where id = :id").bind("id", replyId)
                    .mapTo(String.class).findOne().orElseThrow(() -> ApiException.notFound("no canned reply " + replyId));
            Map<String, Object> ticket = handle.createQuery("select t.number, t.subject, t.status, c.name as customer, "
                            + "cs.name as custom_status from ticket t join contact c on c.id = t.contact_id "
                            + "left join custom_status cs on cs.id = t.custom_status_id where t.id = :id")
                    .bind("id", ticketId).mapToMap().findOne().orElseThrow(() -> ApiException.notFound("no ticket " + ticketId));
            String status = ticket.get("custom_status") != null ? (String) ticket.get("custom_status") : (String) ticket.get("status");
            Map<String, Object> variables = TemplateVariables.create()
                    .customer((String) ticket.get("customer"))
                    .ticket(((Number) ticket.get("number")).longValue(), (String) ticket.get("subject"), status)
                    .agent(agentName)
                    .company(companyName)
                    .asMap();
            return new Rendered(renderer.render(body, variables, TextMode.PLAIN), renderer.render(body, variables, TextMode.HTML));
        });
    }

    private void validate(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest("'body' must not be empty");
        }
        try {
            renderer.validate(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 120) {
            throw ApiException.badRequest("a name or title must be 1 to 120 characters");
        }
        return name.strip();
    }

    private static Group group(Handle handle, long id) {
        GroupRow row = handle.createQuery("select id, name, position from canned_group where id = :id").bind("id", id)
                .mapTo(GroupRow.class).findOne().orElseThrow(() -> ApiException.notFound("no canned reply group " + id));
        List<Reply> replies = handle.createQuery("select id, group_id, title, body, position from canned_reply "
                + "where group_id = :id order by position, id").bind("id", id).mapTo(Reply.class).list();
        return new Group(row.id(), row.name(), row.position(), replies);
    }
}
