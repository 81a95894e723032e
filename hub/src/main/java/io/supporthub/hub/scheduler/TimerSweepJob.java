package io.supporthub.hub.scheduler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Every few minutes, acts on any ticket timer that is due but did not fire (a scheduling call lost in a crash). */
@DisallowConcurrentExecution
public final class TimerSweepJob implements Job {

    private final TicketTimerService timers;

    public TimerSweepJob(TicketTimerService timers) {
        this.timers = timers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        timers.sweep();
    }
}
