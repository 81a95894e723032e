package io.supporthub.hub.ticket;

import io.supporthub.hub.observer.ObserverQueries;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The filters of a ticket list as SQL on {@code ticket t}, except its statuses and its search words, which the
 * callers place themselves. Each is an equality on a column the inbox indexes lead with (a priority or type is looked
 * up by name once, not joined), so that with a status an index gives the rows in list order.
 */
final class TicketConditions {

    private TicketConditions() {
    }

    /**
     * @param handle     the caller's transaction, where the watcher's observations are sized
     * @param groupScope the condition of the filter's groups and line ({@link TicketGroupScope}), read by the caller
     *                   in its transaction
     */
    static String of(Handle handle, TicketFilter filter, String groupScope) {
        StringBuilder sql = new StringBuilder(groupScope);
        if (filter.assigneeId() != null) {
            sql.append("and t.assignee_id = :assigneeId ");
        }
        if (filter.unassigned()) {
            sql.append("and t.assignee_id is null ");
        }
        if (filter.channel() != null) {
            sql.append("and t.channel = :channel ");
        }
        if (filter.priority() != null) {
            sql.append("and t.priority_id = (select id from ticket_priority where lower(name) = lower(:priority)) ");
        }
        if (filter.type() != null) {
            sql.append("and t.type_id = (select id from ticket_type where lower(name) = lower(:type)) ");
        }
        if (filter.contactId() != null) {
            sql.append("and t.contact_id = :contactId ");
        }
        if (filter.companyId() != null) {
            // With the status of each branch, ticket_company_inbox gives the rows in list order.
            sql.append("and t.company_id = :companyId ");
        }
        if (filter.watcherId() != null) {
            boolean doneToo = filter.statuses().isEmpty() || filter.statuses().contains("resolved")
                    || filter.statuses().contains("closed");
            sql.append("and ").append(ObserverQueries.watchedBy(handle, filter.watcherId(), "watcherId", doneToo));
        }
        if (filter.due().from() != null) {
            sql.append("and t.sla_due_at >= :dueFrom ");
        }
        if (filter.due().before() != null) {
            sql.append("and t.sla_due_at < :dueBefore ");
        }
        // The due-time order pages on its own keys (TicketListQueries.listByDue).
        if (filter.afterAt() != null && !filter.due().sorted()) {
            sql.append("and (t.last_message_at, t.id) < (:afterAt, :afterId) ");
        }
        return sql.toString();
    }

    static <T extends SqlStatement<T>> T bind(T statement, TicketFilter filter) {
        return statement.bind("assigneeId", filter.assigneeId())
                .bind("channel", filter.channel())
                .bind("priority", filter.priority())
                .bind("type", filter.type())
                .bind("contactId", filter.contactId())
                .bind("companyId", filter.companyId())
                .bind("watcherId", filter.watcherId())
                .bind("dueFrom", filter.due().from())
                .bind("dueBefore", filter.due().before())
                .bind("afterAt", filter.afterAt())
                .bind("afterId", filter.afterId());
    }
}
