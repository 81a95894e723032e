package io.supporthub.bot;

import io.supporthub.channels.OutboundMessage.Button;
import io.supporthub.templates.TextKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** "My requests", choosing one to add to, and "Close my request". */
final class TicketMenu {
    private static final Logger log = LoggerFactory.getLogger(TicketMenu.class);
    /** How many tickets a list shows (the newest), to keep keyboards usable. */
    static final int MAX_LISTED = 10;

    private final BotBackend backend;
    private final BotTexts texts;

    TicketMenu(BotBackend backend, BotTexts texts) {
        this.backend = backend;
        this.texts = texts;
    }

    BotOutcome list(BotContext ctx) {
        String lang = ctx.language();
        List<TicketSummary> tickets = backend.myTickets(ctx.contactId());
        if (tickets.isEmpty()) {
            return BotOutcome.handled(BotState.IDLE, new BotReply(texts.say(lang, TextKey.BOT_LIST_EMPTY), texts.menu(lang)));
        }
        StringBuilder text = new StringBuilder(texts.say(lang, TextKey.BOT_LIST_HEADER));
        List<Button> buttons = new ArrayList<>();
        for (TicketSummary ticket : tickets.subList(0, Math.min(MAX_LISTED, tickets.size()))) {
            text.append('\n').append(texts.say(lang, TextKey.BOT_LIST_ITEM, ticket));
            buttons.add(texts.ticketButton(lang, ticket, new BotAction.ChooseTicket(ticket.id())));
        }
        text.append("\n\n").append(texts.say(lang, TextKey.BOT_LIST_CHOOSE));
        buttons.add(texts.backToMenu(lang));
        return BotOutcome.handled(BotState.IDLE, new BotReply(text.toString(), buttons));
    }

    BotOutcome choose(BotContext ctx, long ticketId) {
        Optional<TicketSummary> ticket = owned(ctx, ticketId, "t");
        if (ticket.isEmpty()) {
            return notFound(ctx);
        }
        String lang = ctx.language();
        return BotOutcome.handled(BotState.addingTo(ticketId),
                new BotReply(texts.say(lang, TextKey.BOT_ADD_PROMPT, ticket.get()), List.of(texts.backToMenu(lang))));
    }

    BotOutcome closeMenu(BotContext ctx) {
        String lang = ctx.language();
        List<TicketSummary> open = backend.myTickets(ctx.contactId()).stream().filter(t -> !t.isClosed()).toList();
        if (open.isEmpty()) {
            return BotOutcome.handled(BotState.IDLE, new BotReply(texts.say(lang, TextKey.BOT_CLOSE_NONE), texts.menu(lang)));
        }
        List<Button> buttons = new ArrayList<>();
        for (TicketSummary ticket : open.subList(0, Math.min(MAX_LISTED, open.size()))) {
            buttons.add(texts.ticketButton(lang, ticket, new BotAction.CloseTicket(ticket.id())));
        }
        buttons.add(texts.backToMenu(lang));
        return BotOutcome.handled(BotState.IDLE, new BotReply(texts.say(lang, TextKey.BOT_CLOSE_CHOOSE), buttons));
    }

    BotOutcome close(BotContext ctx, long ticketId) {
        Optional<TicketSummary> ticket = owned(ctx, ticketId, "close");
        if (ticket.isEmpty()) {
            return notFound(ctx);
        }
        String lang = ctx.language();
        if (ticket.get().isClosed()) {
            return BotOutcome.handled(BotState.IDLE, BotReply.text(texts.say(lang, TextKey.BOT_CLOSE_ALREADY, ticket.get())));
        }
        TicketSummary closed = backend.close(ctx.contactId(), ticketId);
        return BotOutcome.handled(BotState.IDLE, BotReply.text(texts.say(lang, TextKey.BOT_CLOSED, closed)));
    }

    /** The ticket when the contact owns it; a press for anyone else's ticket is logged. */
    Optional<TicketSummary> owned(BotContext ctx, long ticketId, String button) {
        Optional<TicketSummary> ticket = backend.ticket(ctx.contactId(), ticketId);
        if (ticket.isEmpty()) {
            log.info("contact {} pressed '{}' for ticket {}, which is not theirs or no longer exists",
                    ctx.contactId(), button, ticketId);
        }
        return ticket;
    }

    BotOutcome notFound(BotContext ctx) {
        String lang = ctx.language();
        return BotOutcome.handled(BotState.IDLE, new BotReply(texts.say(lang, TextKey.BOT_NOT_FOUND), texts.menu(lang)));
    }
}
