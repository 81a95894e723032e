package io.supporthub.hub.sla;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute, and at once after a change asks for it: runs the pending SLA recalculation to its end. */
@DisallowConcurrentExecution
public final class SlaRecalculationJob implements Job {

    public static final String NAME = "sla-recalculation";

    private final SlaRecalculations recalculations;

    public SlaRecalculationJob(SlaRecalculations recalculations) {
        this.recalculations = recalculations;
    }

    @Override
    public void execute(JobExecutionContext context) {
        recalculations.runToEnd();
    }
}
