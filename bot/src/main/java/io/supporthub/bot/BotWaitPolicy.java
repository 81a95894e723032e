package io.supporthub.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the bot waits for an answer it asked for: a rating's comment, the message to add to a chosen request, the
 * first message of a new one. A wait ends at the first of: {@link #waitWindow()} after it began, a button press, a
 * message with files, or a second text (each wait takes one message at most); what the customer sends after it
 * ended is an ordinary message, threaded as any other. This policy decides the first of those, {@link CustomerBot}
 * the others.
 */
public final class BotWaitPolicy {

    private final Clock clock;
    private final Duration waitWindow;

    /** @param waitWindow how long a wait lasts ({@code BOT_WAIT_MINUTES}) */
    public BotWaitPolicy(Clock clock, Duration waitWindow) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waitWindow = Objects.requireNonNull(waitWindow, "waitWindow");
        if (waitWindow.isNegative() || waitWindow.isZero()) {
            throw new IllegalArgumentException("the bot's wait window must be positive, got " + waitWindow);
        }
    }

    /**
     * The state the bot is in now, from the stored one and the moment it was stored: the stored state while its wait
     * lasts, idle from {@link #waitWindow()} after it began on, and idle for a stored wait whose beginning is unknown
     * (one kept before waits were timed, which would otherwise never end).
     */
    public BotState current(BotState stored, Instant since) {
        if (stored == null || stored.mode() == BotState.Mode.IDLE || since == null) {
            return BotState.IDLE;
        }
        return clock.instant().isBefore(since.plus(waitWindow)) ? stored : BotState.IDLE;
    }

    public Duration waitWindow() {
        return waitWindow;
    }
}
