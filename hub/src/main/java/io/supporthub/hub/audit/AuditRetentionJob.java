package io.supporthub.hub.audit;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Daily, deletes audit rows older than {@code AUDIT_RETENTION_DAYS}. */
@DisallowConcurrentExecution
public final class AuditRetentionJob implements Job {

    private final AuditLog audit;

    public AuditRetentionJob(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void execute(JobExecutionContext context) {
        audit.deleteExpired();
    }
}
