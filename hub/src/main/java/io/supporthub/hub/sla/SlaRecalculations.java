package io.supporthub.hub.sla;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes the planned times of every open ticket after a calendar, an SLA rule or the defaults changed.
 *
 * <p>A change files a request in its own transaction ({@link #request}), so the request commits with the change or not
 * at all. The runner ({@link #runToEnd}, behind a clustered Quartz job: one node at a time) walks ticket ids in
 * batches, each its own transaction holding the request's row {@code FOR UPDATE SKIP LOCKED} and the batch's open
 * tickets' rows {@code FOR UPDATE}: an agent's change to one of them waits for the batch (or the batch for it), and the
 * batch recomputes from what is committed, so it never overwrites a concurrent change. The cursor is saved with each
 * batch: after a crash, the next run (on any node) resumes at the first batch not committed. Tickets registered after
 * the run started are not walked: registration computes them with the new terms already.
 */
public final class SlaRecalculations {

    private static final Logger log = LoggerFactory.getLogger(SlaRecalculations.class);

    /** Rewrites one ticket's SLA from its history and current terms; the caller holds the ticket's row lock. */
    @FunctionalInterface
    public interface TicketRecompute {
        void recompute(Handle handle, long ticketId, Instant now);
    }

    /** What one call of {@link #step} did. */
    public enum Step { BATCH, FINISHED, NOTHING }

    private final Jdbi jdbi;
    private final TicketRecompute recompute;
    private final Clock clock;
    private final int batchIds;

    public SlaRecalculations(Jdbi jdbi, TicketRecompute recompute, Clock clock, int batchIds) {
        this.jdbi = jdbi;
        this.recompute = recompute;
        this.clock = clock;
        this.batchIds = batchIds;
    }

    /** Asks, in the caller's transaction, for every open ticket to be recomputed; supersedes an unfinished request. */
    public long request(Handle handle, String reason, Long agentId) {
        return new SlaRecalculationQueries(handle).request(reason, agentId, clock.instant());
    }

    public Optional<SlaRecalculation> latest() {
        return jdbi.withHandle(handle -> new SlaRecalculationQueries(handle).latest());
    }

    /** Runs batches until no request is pending or running, or another node holds the active one. */
    public void runToEnd() {
        while (true) {
            Step step = step();
            if (step != Step.BATCH) {
                return;
            }
        }
    }

    /** One batch of the active request, in one transaction. Public for tests. */
    public Step step() {
        return jdbi.inTransaction(handle -> {
            SlaRecalculationQueries queries = new SlaRecalculationQueries(handle);
            Optional<SlaRecalculation> locked = queries.lockActive();
            if (locked.isEmpty()) {
                return Step.NOTHING;
            }
            SlaRecalculation run = locked.get();
            Instant now = clock.instant();
            long endId = run.endId() == null ? queries.maxTicketId() : run.endId();
            long fromId = run.nextId();
            if (run.state().equals("pending")) {
                fromId = queries.minTicketId();
                queries.start(run.id(), fromId, endId, queries.openTickets(endId), now);
                log.info("SLA recalculation {} ({}) starts, tickets up to id {}", run.id(), run.reason(), endId);
            }
            if (fromId > endId) {
                queries.finish(run.id(), now);
                log.info("SLA recalculation {} finished: {} tickets recomputed, {} failed", run.id(), run.done(), run.failed());
                return Step.FINISHED;
            }
            long toId = Math.min(fromId + batchIds, endId + 1);
            List<Long> tickets = queries.lockOpenTickets(fromId, toId);
            int failed = 0;
            for (long ticketId : tickets) {
                try {
                    recompute.recompute(handle, ticketId, now);
                } catch (JdbiException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // A computation that cannot be made (e.g. a date out of range) must not stop the others.
                    failed++;
                    log.warn("SLA recalculation {}: ticket {} not recomputed: {}", run.id(), ticketId, e.toString());
                }
            }
            queries.advance(run.id(), toId, tickets.size() - failed, failed);
            return Step.BATCH;
        });
    }
}
