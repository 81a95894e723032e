package io.supporthub.hub.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every log line the hub writes while open, as it would be printed (message and stack trace). */
public final class CapturedLogs implements AutoCloseable {

    /** One line: its level, logger, formatted message and the stack trace printed with it (empty when none). */
    public record Line(String level, String logger, String message, String stackTrace) {

        public String printed() {
            return level + " " + logger + " - " + message + (stackTrace.isEmpty() ? "" : "\n" + stackTrace);
        }
    }

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    public synchronized List<Line> lines() {
        return List.copyOf(appender.list).stream()
                .map(event -> new Line(event.getLevel().toString(), event.getLoggerName(), event.getFormattedMessage(),
                        event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .toList();
    }

    public void clear() {
        appender.list.clear();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
