package io.supporthub.bot;

import java.util.Optional;

/**
 * A button of ours, and its compact data (at most 64 bytes, Telegram's callback limit): {@code menu:main},
 * {@code menu:new}, {@code menu:list}, {@code menu:close}, {@code t:<id>}, {@code close:<id>},
 * {@code rate:<id>:<stars>}, {@code notsolved:<id>}, {@code skip:<id>}.
 */
public sealed interface BotAction {
    /** The data the channel sends back when the button is pressed. */
    String data();

    record ShowMenu() implements BotAction {
        public String data() {
            return "menu:main";
        }
    }

    record NewRequest() implements BotAction {
        public String data() {
            return "menu:new";
        }
    }

    record ListTickets() implements BotAction {
        public String data() {
            return "menu:list";
        }
    }

    record CloseMenu() implements BotAction {
        public String data() {
            return "menu:close";
        }
    }

    record ChooseTicket(long ticketId) implements BotAction {
        public String data() {
            return "t:" + ticketId;
        }
    }

    record CloseTicket(long ticketId) implements BotAction {
        public String data() {
            return "close:" + ticketId;
        }
    }

    record Rate(long ticketId, int stars) implements BotAction {
        public String data() {
            return "rate:" + ticketId + ":" + stars;
        }
    }

    record NotSolved(long ticketId) implements BotAction {
        public String data() {
            return "notsolved:" + ticketId;
        }
    }

    record SkipComment(long ticketId) implements BotAction {
        public String data() {
            return "skip:" + ticketId;
        }
    }

    /** The action a button's data stands for; empty for anything else (including ordinary text). */
    static Optional<BotAction> parse(String data) {
        return ButtonData.parse(data);
    }
}
