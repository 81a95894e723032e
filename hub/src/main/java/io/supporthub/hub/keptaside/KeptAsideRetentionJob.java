package io.supporthub.hub.keptaside;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Daily, deletes payloads kept aside for longer than {@code KEPT_ASIDE_RETENTION_DAYS}. */
@DisallowConcurrentExecution
public final class KeptAsideRetentionJob implements Job {

    private final KeptAsideService keptAside;

    public KeptAsideRetentionJob(KeptAsideService keptAside) {
        this.keptAside = keptAside;
    }

    @Override
    public void execute(JobExecutionContext context) {
        keptAside.deleteExpired();
    }
}
