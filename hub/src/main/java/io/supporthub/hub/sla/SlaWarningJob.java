package io.supporthub.hub.sla;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every minute: sends the SLA warnings and breach notices that fell due. */
@DisallowConcurrentExecution
public final class SlaWarningJob implements Job {

    public static final String NAME = "sla-warnings";

    private final SlaWarnings warnings;

    public SlaWarningJob(SlaWarnings warnings) {
        this.warnings = warnings;
    }

    @Override
    public void execute(JobExecutionContext context) {
        warnings.runToEnd();
    }
}
