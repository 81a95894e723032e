package io.supporthub.hub.outbox;

import io.supporthub.channels.ChannelKind;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** SQL on the outbox's rows, within the caller's transaction. */
final class OutboxQueries {

    /** A queued message: which one, of which ticket (null for bot chatter), on which channel, after how many failed attempts. */
    record Row(long id, long messageId, Long ticketId, String channel, int attempts) {
    }

    private final Handle handle;

    OutboxQueries(Handle handle) {
        this.handle = handle;
    }

    void enqueue(long messageId, ChannelKind channel, Instant now) {
        handle.createUpdate("insert into outbox (message_id, channel, next_attempt_at, created_at) "
                        + "values (:messageId, :channel, :now, :now)")
                .bind("messageId", messageId)
                .bind("channel", channel.wireName())
                .bind("now", now)
                .execute();
    }

    /**
     * The oldest due row whose recipient has nothing older still waiting, locked: messages to one customer go out in
     * the order they were written (a bot's menu after its greeting, a retried reply before the next one), while
     * different customers' messages go out in parallel.
     */
    Optional<Row> claimDue(Instant now) {
        return handle.createQuery("select o.id, o.message_id, m.ticket_id, o.channel, o.attempts from outbox o "
                        + "join message m on m.id = o.message_id where o.next_attempt_at <= :now "
                        + "and not exists (select 1 from outbox earlier join message em on em.id = earlier.message_id "
                        + "where em.address_id = m.address_id and earlier.id < o.id) "
                        + "order by o.next_attempt_at, o.id limit 1 for update of o skip locked")
                .bind("now", now)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getLong("message_id"), (Long) rs.getObject("ticket_id"), rs.getString("channel"),
                        rs.getInt("attempts")))
                .findOne();
    }

    /** Keeps other workers off the row until {@code until}, while its message is being sent. */
    void lease(long id, Instant until) {
        handle.createUpdate("update outbox set next_attempt_at = :until where id = :id")
                .bind("id", id).bind("until", until).execute();
    }

    void reschedule(long id, int attempts, Instant next, String error) {
        handle.createUpdate("update outbox set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                .bind("id", id)
                .bind("attempts", attempts)
                .bind("next", next)
                .bind("error", error)
                .execute();
    }

    void delete(long id) {
        handle.createUpdate("delete from outbox where id = :id").bind("id", id).execute();
    }
}
