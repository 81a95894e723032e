package io.supporthub.hub.keptaside;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The SQL of payloads kept aside ({@code unprocessed_payload}); the one insert is {@code inbox.KeptAside}'s. */
public final class KeptAsideQueries {

    private static final String SUMMARY = "select id, channel, reason, received_at, "
            + "octet_length(coalesce(body, convert_to(payload, 'UTF8'))) as bytes, retried_at, retry_outcome, "
            + "(body is not null and source is not null) as retryable, unknown_sender from unprocessed_payload ";

    private final Handle handle;

    public KeptAsideQueries(Handle handle) {
        this.handle = handle;
    }

    /** One in the list: newest first. */
    public record Summary(long id, String channel, String reason, Instant receivedAt, long bytes, Instant retriedAt,
                          String retryOutcome, boolean retryable, String unknownSender) {

        /** A mail held for its unknown sender, not accepted yet: the Kept aside page offers Accept. */
        public boolean awaitsAcceptance() {
            return unknownSender != null && retryable && !ACCEPTED.equals(retryOutcome);
        }
    }

    /** The retry outcome of a mail whose unknown sender an employee accepted. */
    public static final String ACCEPTED = "accepted";

    /** Locks the row for the rest of the transaction (an accept), answering its summary. */
    public Optional<Summary> lock(long id) {
        return handle.createQuery("select id from unprocessed_payload where id = :id for update").bind("id", id)
                .mapTo(Long.class).findOne().flatMap(found -> find(found).map(Detail::summary));
    }

    /** One with the request as received; {@code body} is null for rows kept before requests were kept whole. */
    public record Detail(Summary summary, String contentType, String headers, byte[] body, String payload,
                         String source, List<Long> retryTicketIds) {
    }

    /** Newest first, those with an id below {@code after} (null for the first page), of one channel or all. */
    public List<Summary> list(String channel, Long after, int limit) {
        return handle.createQuery(SUMMARY + "where (cast(:channel as text) is null or channel = :channel) "
                        + "and (cast(:after as bigint) is null or id < :after) order by id desc limit :limit")
                .bind("channel", channel)
                .bind("after", after)
                .bind("limit", limit)
                .map((rs, ctx) -> summary(rs))
                .list();
    }

    public Optional<Detail> find(long id) {
        return handle.createQuery("select s.*, p.content_type, p.headers::text as headers, p.body, p.payload, p.source, "
                        + "p.retry_ticket_ids from (" + SUMMARY + "where id = :id) s join unprocessed_payload p using (id)")
                .bind("id", id)
                .map((rs, ctx) -> {
                    java.sql.Array tickets = rs.getArray("retry_ticket_ids");
                    List<Long> ticketIds = tickets == null ? List.of() : Arrays.asList((Long[]) tickets.getArray());
                    return new Detail(summary(rs), rs.getString("content_type"), rs.getString("headers"),
                            rs.getBytes("body"), rs.getString("payload"), rs.getString("source"), ticketIds);
                })
                .findOne();
    }

    public boolean delete(long id) {
        return handle.createUpdate("delete from unprocessed_payload where id = :id").bind("id", id).execute() == 1;
    }

    /** Remembers a retry's outcome (and, when it is still kept aside, the new reason). */
    public void retried(long id, Instant at, String outcome, List<Long> ticketIds, String reason) {
        handle.createUpdate("update unprocessed_payload set retried_at = :at, retry_outcome = :outcome, "
                        + "retry_ticket_ids = :tickets, reason = coalesce(:reason, reason) where id = :id")
                .bind("id", id)
                .bind("at", at)
                .bind("outcome", outcome)
                .bind("tickets", ticketIds.toArray(new Long[0]))
                .bind("reason", reason)
                .execute();
    }

    /** Deletes what was received before {@code cutoff}; returns how many. */
    public int deleteReceivedBefore(Instant cutoff) {
        return handle.createUpdate("delete from unprocessed_payload where received_at < :cutoff")
                .bind("cutoff", cutoff).execute();
    }

    private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp retried = rs.getTimestamp("retried_at");
        return new Summary(rs.getLong("id"), rs.getString("channel"), rs.getString("reason"),
                rs.getTimestamp("received_at").toInstant(), rs.getLong("bytes"),
                retried == null ? null : retried.toInstant(), rs.getString("retry_outcome"), rs.getBoolean("retryable"),
                rs.getString("unknown_sender"));
    }
}
