package io.supporthub.hub.channel;

import org.quartz.Job;

import java.time.Duration;
import java.util.function.Supplier;

/** A periodic job a channel contributes: its name and type in the scheduler, how it is built, how often it runs. */
public record ScheduledJob(String name, Class<? extends Job> type, Supplier<Job> factory, Duration interval) {
}
