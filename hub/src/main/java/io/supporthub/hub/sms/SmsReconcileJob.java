package io.supporthub.hub.sms;

import io.supporthub.hub.db.Failures;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/** Runs {@link SmsReconciliation} at start and every {@link #INTERVAL}, on one node of the cluster at a time. */
@DisallowConcurrentExecution
public final class SmsReconcileJob implements Job {

    public static final String NAME = "sms-reconciliation";
    public static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(SmsReconcileJob.class);

    private final SmsReconciliation reconciliation;

    public SmsReconcileJob(SmsReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            reconciliation.run();
        } catch (IOException e) {
            log.warn("SMS reconciliation could not read Twilio messages, next run in {}: {}", INTERVAL, e.getMessage());
        } catch (RuntimeException e) {
            if (Failures.isPassing(e)) {
                log.warn("SMS reconciliation stopped by a passing failure, next run in {}: {}", INTERVAL,
                        Failures.reason(e));
            } else {
                log.error("SMS reconciliation failed, next run in {}", INTERVAL, e);
            }
        }
    }
}
