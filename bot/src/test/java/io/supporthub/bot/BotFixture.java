package io.supporthub.bot;

import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundMessage.Button;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;

import java.util.List;

/**
 * Contact 1 owns #1041 (open), #1042 (resolved), #1043 (closed) and an internal #1044; contact 2 owns #2001.
 */
final class BotFixture {
    static final long ME = 1;
    static final long SOMEONE_ELSE = 2;
    static final long OPEN = 11;
    static final long RESOLVED = 12;
    static final long CLOSED = 13;
    static final long INTERNAL = 14;
    static final long NOT_MINE = 21;

    private static final BotTexts TEXTS = new BotTexts(new DefaultTexts(), new TemplateRenderer(), "Acme");

    final InMemoryBotBackend backend = new InMemoryBotBackend();
    final CustomerBot bot = new CustomerBot(backend, TEXTS);

    BotFixture() {
        backend.add(ME, OPEN, 1041, "Broken screen", "open");
        backend.add(ME, RESOLVED, 1042, "Refund for order", "resolved");
        backend.add(ME, CLOSED, 1043, "Old question", "closed");
        backend.add(ME, new TicketSummary(INTERNAL, 1044, "Internal check", "open", null), true);
        backend.add(SOMEONE_ELSE, NOT_MINE, 2001, "Someone else's", "open");
    }

    static BotContext telegram(String language, BotState state) {
        return new BotContext(ME, ChannelKind.TELEGRAM, language, state);
    }

    static BotContext telegram(String language) {
        return telegram(language, BotState.IDLE);
    }

    static List<String> labels(BotReply reply) {
        return reply.buttons().stream().map(Button::label).toList();
    }

    static List<String> data(BotReply reply) {
        return reply.buttons().stream().map(Button::data).toList();
    }

    static BotReply only(BotOutcome outcome) {
        if (outcome.replies().size() != 1) {
            throw new AssertionError("expected one reply, got " + outcome.replies());
        }
        return outcome.replies().get(0);
    }
}
