package io.supporthub.hub.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Closes one resolved ticket after AUTO_CLOSE_DAYS (re-checked by {@link TicketTimerService#autoCloseIfDue}). */
@DisallowConcurrentExecution
public final class AutoCloseJob implements Job {

    private final TicketTimerService timers;

    public AutoCloseJob(TicketTimerService timers) {
        this.timers = timers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        timers.autoCloseIfDue(context.getMergedJobDataMap().getLong(QuartzScheduler.TICKET_ID));
    }
}
