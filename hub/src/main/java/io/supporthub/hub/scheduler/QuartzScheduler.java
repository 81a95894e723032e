package io.supporthub.hub.scheduler;

import io.supporthub.hub.ticket.TicketTimers;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Quartz on the JDBC job store in the hub's own PostgreSQL, clustered: a trigger fires on one node, and a node that
 * dies has its triggers recovered by another. Jobs are built by the hub (not by reflection) so they get the hub's
 * services.
 */
public final class QuartzScheduler implements TicketTimers, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(QuartzScheduler.class);
    static final String TICKET_ID = "ticketId";

    private final Scheduler scheduler;

    public QuartzScheduler(String schedulerName, DataSource dataSource, Map<Class<? extends Job>, Supplier<Job>> jobs) {
        String dataSourceName = schedulerName + "-db";
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return dataSource.getConnection();
            }

            @Override
            public void shutdown() {
                // The pool belongs to the hub and is closed by it.
            }

            @Override
            public void initialize() {
                // Nothing to set up: the pool is already running.
            }
        });
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", schedulerName);
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "3");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", "10000");
        properties.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        // After the database was away, try again every 2 s rather than Quartz's 15, and look for due triggers every
        // 5 s when idle rather than 30: a trigger whose firing failed in the cut is released, found and fired within
        // seconds of the database's return (a trigger scheduled by another node is found as soon, too).
        properties.setProperty("org.quartz.scheduler.dbFailureRetryInterval", "2000");
        properties.setProperty("org.quartz.jobStore.dbRetryInterval", "2000");
        properties.setProperty("org.quartz.scheduler.idleWaitTime", "5000");
        try {
            scheduler = new StdSchedulerFactory(properties).getScheduler();
            scheduler.setJobFactory((bundle, s) -> {
                Supplier<Job> factory = jobs.get(bundle.getJobDetail().getJobClass());
                if (factory == null) {
                    throw new SchedulerException("no factory for job " + bundle.getJobDetail().getJobClass());
                }
                return factory.get();
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    public void start() {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** A job that repeats every {@code interval} on one node of the cluster; kept if it exists already. */
    public void every(String name, Class<? extends Job> job, Duration interval) {
        try {
            JobKey key = JobKey.jobKey(name, "periodic");
            JobDetail detail = JobBuilder.newJob(job).withIdentity(key).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, "periodic").forJob(key)
                    .startNow()
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(interval.toMillis()).repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a periodic job now, on one node (after the current run if one is under way); it keeps its schedule. A job
     * not scheduled (a hub without background work) is left alone.
     */
    public void runNow(String name) {
        try {
            JobKey key = JobKey.jobKey(name, "periodic");
            if (scheduler.checkExists(key)) {
                scheduler.triggerJob(key);
            }
        } catch (SchedulerException e) {
            log.warn("Could not run {} now (it runs at its next time instead): {}", name, e.getMessage());
        }
    }

    @Override
    public void wakeAt(long ticketId, Instant at) {
        once("wake-" + ticketId, PostponeWakeJob.class, ticketId, at);
    }

    @Override
    public void autoCloseAt(long ticketId, Instant at) {
        once("autoclose-" + ticketId, AutoCloseJob.class, ticketId, at);
    }

    /** One trigger per ticket and kind: a new time replaces the old one. */
    private void once(String name, Class<? extends Job> job, long ticketId, Instant at) {
        try {
            JobKey key = JobKey.jobKey(name, "tickets");
            // Recovery: a node that dies while running the job has it run again elsewhere (the job re-checks the ticket).
            JobDetail detail = JobBuilder.newJob(job).withIdentity(key).usingJobData(TICKET_ID, ticketId)
                    .requestRecovery().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(TriggerKey.triggerKey(name, "tickets"))
                    .startAt(Date.from(at))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            log.warn("Could not schedule {} at {} (the periodic sweep will act instead): {}", name, at, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("Quartz did not shut down cleanly: {}", e.getMessage());
        }
    }
}
