package io.supporthub.hub.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Returns one postponed ticket to Open at its time (re-checked by {@link TicketTimerService#wakeIfDue}). */
@DisallowConcurrentExecution
public final class PostponeWakeJob implements Job {

    private final TicketTimerService timers;

    public PostponeWakeJob(TicketTimerService timers) {
        this.timers = timers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        timers.wakeIfDue(context.getMergedJobDataMap().getLong(QuartzScheduler.TICKET_ID));
    }
}
