package io.supporthub.bot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * What the bot is waiting for from one customer address. The hub stores it per address, either as one text column
 * ({@link #encode()} / {@link #decode(String)}, e.g. {@code add:42}; null or empty means idle) or as three columns
 * ({@link Mode#wireName()}, {@link #ticketId()}, {@link #stars()}, read back with {@link #of}).
 *
 * @param ticketId the ticket of {@link Mode#ADDING_TO} and {@link Mode#AWAITING_RATING_COMMENT}, else null
 * @param stars    the rating given, for {@link Mode#AWAITING_RATING_COMMENT}, else null
 */
public record BotState(Mode mode, Long ticketId, Integer stars) {
    private static final Logger log = LoggerFactory.getLogger(BotState.class);

    public static final BotState IDLE = new BotState(Mode.IDLE, null, null);
    public static final BotState NEW_TICKET = new BotState(Mode.NEXT_MESSAGE_NEW_TICKET, null, null);

    public enum Mode {
        /** Nothing pending: text goes to threading. */
        IDLE("idle"),
        /** "New request" pressed: the next message opens a new ticket. */
        NEXT_MESSAGE_NEW_TICKET("new"),
        /** A ticket chosen in "My requests" (or "Not solved" pressed): the next message goes to it. */
        ADDING_TO("add"),
        /** A rating given: the next text is its comment. */
        AWAITING_RATING_COMMENT("comment");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Mode fromWire(String name) {
            for (Mode mode : values()) {
                if (mode.wireName.equals(name)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("unknown bot mode '" + name + "'");
        }
    }

    public BotState {
        Objects.requireNonNull(mode, "mode");
        boolean needsTicket = mode == Mode.ADDING_TO || mode == Mode.AWAITING_RATING_COMMENT;
        if (needsTicket != (ticketId != null)) {
            throw new IllegalArgumentException("bot mode " + mode + (needsTicket ? " needs" : " takes no") + " ticket id");
        }
        boolean needsStars = mode == Mode.AWAITING_RATING_COMMENT;
        if (needsStars != (stars != null) || (stars != null && (stars < 1 || stars > 5))) {
            throw new IllegalArgumentException("bot mode " + mode + (needsStars ? " needs stars 1-5" : " takes no stars")
                    + ", got " + stars);
        }
    }

    public static BotState addingTo(long ticketId) {
        return new BotState(Mode.ADDING_TO, ticketId, null);
    }

    public static BotState awaitingComment(long ticketId, int stars) {
        return new BotState(Mode.AWAITING_RATING_COMMENT, ticketId, stars);
    }

    /** From three stored columns; a null mode is idle. */
    public static BotState of(String modeWireName, Long ticketId, Integer stars) {
        return modeWireName == null ? IDLE : new BotState(Mode.fromWire(modeWireName), ticketId, stars);
    }

    /** One short string, at most 40 characters: {@code idle}, {@code new}, {@code add:42}, {@code comment:42:5}. */
    public String encode() {
        return switch (mode) {
            case IDLE, NEXT_MESSAGE_NEW_TICKET -> mode.wireName;
            case ADDING_TO -> mode.wireName + ":" + ticketId;
            case AWAITING_RATING_COMMENT -> mode.wireName + ":" + ticketId + ":" + stars;
        };
    }

    /**
     * The state stored by {@link #encode()}. Null or empty is idle; a value that cannot be read (say, written by a
     * newer version) is logged and read as idle, so a customer is never stuck.
     */
    public static BotState decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return IDLE;
        }
        String[] parts = encoded.strip().split(":", -1);
        try {
            Mode mode = Mode.fromWire(parts[0]);
            Long ticketId = parts.length > 1 ? Long.valueOf(parts[1]) : null;
            Integer stars = parts.length > 2 ? Integer.valueOf(parts[2]) : null;
            if (parts.length > 3) {
                throw new IllegalArgumentException("too many parts");
            }
            return new BotState(mode, ticketId, stars);
        } catch (IllegalArgumentException e) {
            log.warn("stored bot state '{}' cannot be read ({}); treating it as idle", encoded, e.getMessage());
            return IDLE;
        }
    }
}
