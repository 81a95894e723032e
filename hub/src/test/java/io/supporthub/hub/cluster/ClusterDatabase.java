package io.supporthub.hub.cluster;

import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the test reads from the nodes' shared database to check their work. */
final class ClusterDatabase {

    /** The first key of the hub's advisory locks ({@code db.AdvisoryLock}). */
    private static final int LOCK_NAMESPACE = 0x5348;

    private final Jdbi jdbi;

    ClusterDatabase(String url) {
        this.jdbi = Jdbi.create(url);
    }

    /** How many times each inbound message is stored, by channel and the external id it is deduplicated on. */
    Map<String, Integer> inboundCounts() {
        Map<String, Integer> counts = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("select channel, external_id, count(*) from message "
                        + "where direction = 'in' and external_id is not null group by channel, external_id")
                .map((rs, ctx) -> counts.put(key(rs.getString(1), rs.getString(2)), rs.getInt(3))).list());
        return counts;
    }

    static String key(String channel, String externalId) {
        return channel + ":" + externalId.replaceAll("^<|>$", "");
    }

    /** The nodes (by their connections' application name) holding one of the hub's advisory locks. */
    List<String> lockHolders() {
        return jdbi.withHandle(handle -> handle.createQuery("select a.application_name from pg_locks l "
                        + "join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted "
                        + "and l.classid = :namespace")
                .bind("namespace", LOCK_NAMESPACE).mapTo(String.class).list());
    }

    /** Outbox rows leased less than {@code since} ago and not settled: messages being sent, or left by a dead node. */
    int leasedSince(Duration lease, Duration since) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from outbox "
                        + "where next_attempt_at > now() + make_interval(secs => :left)")
                .bind("left", lease.minus(since).toSeconds()).mapTo(Integer.class).one());
    }

    int count(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    /**
     * Outgoing messages the hub recorded as taken by their provider (its id stored; SMS stay "queued" until Twilio's
     * status callback), by channel.
     */
    Map<String, Integer> acceptedByChannel() {
        Map<String, Integer> counts = new HashMap<>();
        jdbi.useHandle(handle -> handle.createQuery("select channel, count(*) from message where direction = 'out' "
                        + "and visibility = 'public' and external_id is not null and delivery_state <> 'failed' group by channel")
                .map((rs, ctx) -> counts.put(rs.getString(1), rs.getInt(2))).list());
        return counts;
    }

    boolean hasMessage(String text) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from message where text = :text")
                .bind("text", text).mapTo(Integer.class).one()) > 0;
    }

    Optional<Long> ticketOf(String channel, String externalId) {
        return jdbi.withHandle(handle -> handle.createQuery("select ticket_id from message where channel = :channel "
                        + "and external_id = :id").bind("channel", channel).bind("id", externalId).mapTo(Long.class).findOne());
    }

    /** A random ticket of the channel that an agent would answer (in an open state). */
    Optional<Long> ticketToAnswer(String channel) {
        return jdbi.withHandle(handle -> handle.createQuery("select id from ticket where channel = :channel "
                        + "and status in ('open', 'pending', 'awaiting_reply') order by random() limit 1")
                .bind("channel", channel).mapTo(Long.class).findOne());
    }

    String status(long ticketId) {
        return jdbi.withHandle(handle -> handle.createQuery("select status from ticket where id = :id")
                .bind("id", ticketId).mapTo(String.class).one());
    }

    /** How often the ticket's status moved from {@code from} to {@code to}. */
    int moves(long ticketId, String from, String to) {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from ticket_event where ticket_id = :id "
                        + "and coalesce(from_status, '') like :from and to_status = :to")
                .bind("id", ticketId).bind("from", from).bind("to", to).mapTo(Integer.class).one());
    }
}
