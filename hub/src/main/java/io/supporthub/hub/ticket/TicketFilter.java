package io.supporthub.hub.ticket;

import java.time.Instant;
import java.util.List;

/**
 * What the ticket list shows: every field optional. {@code companyId}: only the tickets registered for that company. {@code watcherId}: only tickets that agent observes.
 * {@code groupIds}, when not null, keeps the tickets in those groups ({@code group=<id>|mine}). {@code after} is the
 * keyset cursor of the previous page's last row (its last message time and id), so every page is one index scan however
 * deep.
 */
public record TicketFilter(List<String> statuses, Integer line, Long assigneeId, boolean unassigned, String channel,
                           String priority, String type, Long contactId, Long watcherId, String query, Instant afterAt,
                           Long afterId, int limit, List<Long> groupIds, Long companyId, DueListing due) {

    public static final int MAX_LIMIT = 200;

    private static final String DUE_CURSOR = "due_";

    public TicketFilter {
        due = due == null ? DueListing.NONE : due;
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        groupIds = groupIds == null ? null : List.copyOf(groupIds);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT);
        }
    }

    /** A filter in the list's usual order, without a due-time window. */
    public TicketFilter(List<String> statuses, Integer line, Long assigneeId, boolean unassigned, String channel,
                        String priority, String type, Long contactId, Long watcherId, String query, Instant afterAt,
                        Long afterId, int limit, List<Long> groupIds, Long companyId) {
        this(statuses, line, assigneeId, unassigned, channel, priority, type, contactId, watcherId, query, afterAt,
                afterId, limit, groupIds, companyId, DueListing.NONE);
    }

    /** A filter on no company. */
    public TicketFilter(List<String> statuses, Integer line, Long assigneeId, boolean unassigned, String channel,
                        String priority, String type, Long contactId, Long watcherId, String query, Instant afterAt,
                        Long afterId, int limit, List<Long> groupIds) {
        this(statuses, line, assigneeId, unassigned, channel, priority, type, contactId, watcherId, query, afterAt,
                afterId, limit, groupIds, null);
    }

    /** The same filter kept to the tickets of one company (null: any). */
    public TicketFilter withCompany(Long company) {
        return new TicketFilter(statuses, line, assigneeId, unassigned, channel, priority, type, contactId, watcherId,
                query, afterAt, afterId, limit, groupIds, company, due);
    }

    /** The same filter from another cursor (nulls: the first page). */
    public TicketFilter withCursor(Instant at, Long id) {
        return new TicketFilter(statuses, line, assigneeId, unassigned, channel, priority, type, contactId, watcherId,
                query, at, id, limit, groupIds, companyId, due);
    }

    /** The same filter with its due-time window and order ({@code sla=}, {@code sort=due}). */
    public TicketFilter withDue(DueListing listing) {
        return new TicketFilter(statuses, line, assigneeId, unassigned, channel, priority, type, contactId, watcherId,
                query, afterAt, afterId, limit, groupIds, companyId, listing);
    }

    /** A filter on no group. */
    public TicketFilter(List<String> statuses, Integer line, Long assigneeId, boolean unassigned, String channel,
                        String priority, String type, Long contactId, Long watcherId, String query, Instant afterAt,
                        Long afterId, int limit) {
        this(statuses, line, assigneeId, unassigned, channel, priority, type, contactId, watcherId, query, afterAt,
                afterId, limit, null, null);
    }

    /** The same search over all tickets ({@code scope=all}): only the words, the cursor and the limit are kept. */
    public TicketFilter everywhere() {
        return new TicketFilter(List.of(), null, null, false, null, null, null, null, null, query, afterAt, afterId, limit);
    }

    /**
     * The position after a row of the due-time order that has a due time ({@code due_<instant>_<id>}); after the rows
     * with one, those without follow in the usual order, with the usual cursor.
     */
    public static String dueCursor(Instant dueAt, long id) {
        return DUE_CURSOR + cursor(dueAt, id);
    }

    /** Whether {@code cursor} is a position among the due-time order's rows with a due time. */
    public static boolean isDueCursor(String cursor) {
        return cursor.startsWith(DUE_CURSOR);
    }

    /** {@code cursor} without its due-time mark. */
    public static String plainCursor(String cursor) {
        return isDueCursor(cursor) ? cursor.substring(DUE_CURSOR.length()) : cursor;
    }

    /** Encodes the position after a row, for the next page's {@code after}. */
    public static String cursor(Instant lastMessageAt, long id) {
        return lastMessageAt.toString() + "_" + id;
    }

    public static Instant cursorInstant(String cursor) {
        return Instant.parse(cursor.substring(0, separator(cursor)));
    }

    public static long cursorId(String cursor) {
        return Long.parseLong(cursor.substring(separator(cursor) + 1));
    }

    private static int separator(String cursor) {
        int at = cursor.lastIndexOf('_');
        if (at < 0) {
            throw new IllegalArgumentException("malformed cursor '" + cursor + "'");
        }
        return at;
    }
}
