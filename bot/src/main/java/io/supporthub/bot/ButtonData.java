package io.supporthub.bot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads button data back into a {@link BotAction}. */
final class ButtonData {
    private static final Pattern WITH_ID = Pattern.compile("(t|close|notsolved|skip):(\\d{1,19})");
    private static final Pattern RATE = Pattern.compile("rate:(\\d{1,19}):(\\d)");

    private ButtonData() {
    }

    static Optional<BotAction> parse(String data) {
        try {
            return read(data);
        } catch (NumberFormatException e) {
            return Optional.empty(); // an id past Long.MAX_VALUE: not one of ours
        }
    }

    private static Optional<BotAction> read(String data) {
        if (data == null) {
            return Optional.empty();
        }
        String d = data.strip();
        switch (d) {
            case "menu:main":
                return Optional.of(new BotAction.ShowMenu());
            case "menu:new":
                return Optional.of(new BotAction.NewRequest());
            case "menu:list":
                return Optional.of(new BotAction.ListTickets());
            case "menu:close":
                return Optional.of(new BotAction.CloseMenu());
            default:
                break;
        }
        Matcher rate = RATE.matcher(d);
        if (rate.matches()) {
            return Optional.of(new BotAction.Rate(Long.parseLong(rate.group(1)), Integer.parseInt(rate.group(2))));
        }
        Matcher m = WITH_ID.matcher(d);
        if (!m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(2));
        return Optional.of(switch (m.group(1)) {
            case "t" -> new BotAction.ChooseTicket(id);
            case "close" -> new BotAction.CloseTicket(id);
            case "notsolved" -> new BotAction.NotSolved(id);
            default -> new BotAction.SkipComment(id);
        });
    }
}
