package io.supporthub.bot;

import io.supporthub.channels.OutboundMessage.Button;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.TextKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rating asked for when a ticket is resolved: stars, an optional comment, or "Not solved". */
final class RatingFlow {
    static final int MIN_STARS = 1;
    static final int MAX_STARS = 5;

    private final BotBackend backend;
    private final BotTexts texts;
    private final TicketMenu tickets;

    RatingFlow(BotBackend backend, BotTexts texts, TicketMenu tickets) {
        this.backend = backend;
        this.texts = texts;
        this.tickets = tickets;
    }

    BotReply prompt(String language, TicketSummary ticket) {
        List<Button> buttons = new ArrayList<>();
        for (int stars = MIN_STARS; stars <= MAX_STARS; stars++) {
            buttons.add(new Button(stars + " ★", new BotAction.Rate(ticket.id(), stars).data()));
        }
        buttons.add(texts.button(language, TextKey.BOT_BUTTON_NOT_SOLVED, new BotAction.NotSolved(ticket.id())));
        return new BotReply(texts.say(language, TextKey.BOT_RATING_PROMPT, ticket), buttons);
    }

    BotOutcome rate(BotContext ctx, long ticketId, int stars) {
        // Only a finished request can be rated: a typed "rate:<id>:1" on an open one is treated like any unknown id.
        boolean finished = tickets.owned(ctx, ticketId, "rate")
                .map(t -> "resolved".equals(t.status()) || "closed".equals(t.status())).orElse(false);
        if (stars < MIN_STARS || stars > MAX_STARS || !finished) {
            return tickets.notFound(ctx);
        }
        backend.rate(ctx.contactId(), ticketId, stars, null);
        String lang = ctx.language();
        String thanks = texts.say(lang, TextKey.BOT_RATING_THANKS, TemplateVariables.create().put("stars", stars));
        Button skip = texts.button(lang, TextKey.BOT_BUTTON_SKIP, new BotAction.SkipComment(ticketId));
        return BotOutcome.handled(BotState.awaitingComment(ticketId, stars), new BotReply(thanks, List.of(skip)));
    }

    BotOutcome skip(BotContext ctx) {
        return BotOutcome.handled(BotState.IDLE, BotReply.text(texts.say(ctx.language(), TextKey.BOT_RATING_SKIPPED)));
    }

    /**
     * The one text after a rating, while the wait lasts: stored as the rating's comment and kept on the ticket as the
     * customer's message marked as the comment, so agents read it and it reopens nothing. Then the wait is over.
     */
    BotOutcome comment(BotContext ctx, String text) {
        BotState state = ctx.state();
        if (text.isBlank() || backend.ticket(ctx.contactId(), state.ticketId()).isEmpty()) {
            return new BotOutcome(Routing.THREAD, List.of(), BotState.IDLE);
        }
        backend.rate(ctx.contactId(), state.ticketId(), state.stars(), text.strip());
        return new BotOutcome(Routing.HANDLED,
                List.of(BotReply.text(texts.say(ctx.language(), TextKey.BOT_RATING_COMMENT_SAVED))), BotState.IDLE,
                state.ticketId());
    }

    /** "Not solved": reopens a resolved or closed ticket; either way the next message goes to it. */
    BotOutcome notSolved(BotContext ctx, long ticketId) {
        Optional<TicketSummary> ticket = tickets.owned(ctx, ticketId, "notsolved");
        if (ticket.isEmpty()) {
            return tickets.notFound(ctx);
        }
        TextKey reply = TextKey.BOT_NOT_SOLVED_ALREADY_OPEN;
        if (ticket.get().isArchived()) {
            backend.notSolved(ctx.contactId(), ticketId);
            reply = TextKey.BOT_NOT_SOLVED;
        }
        return BotOutcome.handled(BotState.addingTo(ticketId), BotReply.text(texts.say(ctx.language(), reply, ticket.get())));
    }
}
