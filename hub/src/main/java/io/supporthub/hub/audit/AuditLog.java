package io.supporthub.hub.audit;

import io.javalin.http.Context;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.web.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The audit log: what admins change and who logs in, kept {@code AUDIT_RETENTION_DAYS}. A row is written once the
 * change it tells of is committed, in a transaction of its own; a row that cannot be written is logged as an error and
 * does not undo the change.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final int DELETE_BATCH = 10_000;

    private final Transactions transactions;
    private final Clock clock;
    private final Duration retention;
    private final ClientAddresses clientAddresses;

    public AuditLog(Transactions transactions, Clock clock, Duration retention, ClientAddresses clientAddresses) {
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
        this.clientAddresses = clientAddresses;
    }

    void record(AuditRecord entry) {
        try {
            transactions.inTransaction((handle, afterCommit) -> {
                new AuditQueries(handle).insert(entry, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            log.error("Audit row not written: {} on {} by {}", entry.action(), entry.target(), entry.actorEmail(), e);
        }
    }

    public List<AuditEntry> page(AuditFilter filter) {
        return transactions.read(handle -> new AuditQueries(handle).page(filter));
    }

    public long retentionDays() {
        return retention.toDays();
    }

    /** Deletes rows older than the retention period, in batches; returns how many. */
    public int deleteExpired() {
        Instant cutoff = clock.instant().minus(retention);
        int total = 0;
        int deleted;
        do {
            deleted = transactions.inTransaction((handle, afterCommit) -> new AuditQueries(handle).deleteBefore(cutoff, DELETE_BATCH));
            total += deleted;
        } while (deleted == DELETE_BATCH);
        if (total > 0) {
            log.info("Deleted {} audit row(s) older than {} days", total, retention.toDays());
        }
        return total;
    }

    /** Where a request came from: the peer, or the address a trusted proxy forwarded ({@code TRUSTED_PROXIES}). */
    String clientAddress(Context ctx) {
        return clientAddresses.of(ctx);
    }
}
