package io.supporthub.hub.email;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.Optional;

/** SQL on the mail queued for agents, within the caller's transaction. */
final class AgentMailQueries {

    /** A queued mail to an agent, after how many failed attempts. */
    record Row(long id, String email, String subject, String text, String html, int attempts) {
    }

    private final Handle handle;

    AgentMailQueries(Handle handle) {
        this.handle = handle;
    }

    void enqueue(long agentId, Long ticketId, String kind, String subject, String text, String html, Instant now) {
        handle.createUpdate("insert into agent_mail (agent_id, ticket_id, kind, subject, text, html, next_attempt_at, created_at) "
                        + "values (:agentId, :ticketId, :kind, :subject, :text, :html, :now, :now)")
                .bind("agentId", agentId).bind("ticketId", ticketId).bind("kind", kind)
                .bind("subject", subject).bind("text", text).bind("html", html)
                .bind("now", now)
                .execute();
    }

    /** The oldest due mail, locked; other workers skip it. */
    Optional<Row> claimDue(Instant now) {
        return handle.createQuery("select m.id, a.email, m.subject, m.text, m.html, m.attempts "
                        + "from agent_mail m join agent a on a.id = m.agent_id where m.next_attempt_at <= :now "
                        + "order by m.next_attempt_at, m.id limit 1 for update of m skip locked")
                .bind("now", now)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("email"), rs.getString("subject"),
                        rs.getString("text"), rs.getString("html"), rs.getInt("attempts")))
                .findOne();
    }

    /** Keeps other workers off the mail until {@code until}, while it is being sent. */
    void lease(long id, Instant until) {
        handle.createUpdate("update agent_mail set next_attempt_at = :until where id = :id")
                .bind("id", id).bind("until", until).execute();
    }

    void reschedule(long id, int attempts, Instant next, String error) {
        handle.createUpdate("update agent_mail set attempts = :attempts, next_attempt_at = :next, last_error = :error where id = :id")
                .bind("id", id).bind("attempts", attempts).bind("next", next).bind("error", error).execute();
    }

    void delete(long id) {
        handle.createUpdate("delete from agent_mail where id = :id").bind("id", id).execute();
    }
}
