package io.supporthub.bot;

import io.supporthub.channels.ChannelKind;
import io.supporthub.templates.TextKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer-facing bot, channel-neutral. It keeps no state of its own: the hub passes the stored
 * {@link BotState} in a {@link BotContext} and stores {@link BotOutcome#newState()}. Cheap to build: the hub makes
 * one per inbound transaction around a {@link BotBackend} bound to that transaction, sharing one {@link BotTexts}.
 */
public final class CustomerBot {
    private static final Logger log = LoggerFactory.getLogger(CustomerBot.class);
    /** Channels with buttons; on the others (SMS, email, API) every text is ordinary conversation. */
    public static final Set<ChannelKind> BOT_CHANNELS = EnumSet.of(ChannelKind.TELEGRAM, ChannelKind.VIBER);
    private static final Pattern COMMAND = Pattern.compile("/(start|menu|help)(@\\w+)?(\\s.*)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** What Telegram puts after /start when the chat was opened from a link ({@code t.me/bot?start=...}). */
    private static final Pattern START_PARAMETER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final BotBackend backend;
    private final BotTexts texts;
    private final TicketMenu tickets;
    private final RatingFlow rating;

    public CustomerBot(BotBackend backend, BotTexts texts) {
        this.backend = backend;
        this.texts = texts;
        this.tickets = new TicketMenu(backend, texts);
        this.rating = new RatingFlow(backend, texts, tickets);
    }

    public static boolean handles(ChannelKind channel) {
        return BOT_CHANNELS.contains(channel);
    }

    /**
     * A message from the customer: its text (the caption of a media message; "" when there is none) and whether it
     * carries files (received or refused as too large). The state in {@code ctx} is a wait that still lasts (see
     * {@link BotWaitPolicy}) or idle; a wait takes one message at most, so after a message the bot is idle, or in a
     * wait that a button (a Viber keyboard's text) has just begun.
     *
     * <p>A message with files is never the bot's and never a rating comment: it ends the wait and goes where the
     * pending state sends the next message (a new request, the chosen request) or else to threading. A text is
     * {@link #onText}.
     */
    public BotOutcome onMessage(BotContext ctx, String text, boolean withFiles) {
        if (!withFiles) {
            return onText(ctx, text);
        }
        if (!handles(ctx.channel())) {
            return new BotOutcome(Routing.THREAD, List.of(), ctx.state());
        }
        BotState state = ctx.state();
        return switch (state.mode()) {
            case IDLE, AWAITING_RATING_COMMENT -> new BotOutcome(Routing.THREAD, List.of(), BotState.IDLE);
            case NEXT_MESSAGE_NEW_TICKET -> new BotOutcome(Routing.NEW_TICKET, List.of(), BotState.IDLE);
            case ADDING_TO -> addTo(ctx, state.ticketId());
        };
    }

    /**
     * A text from the customer (or the caption of a media message; "" when there is none). Commands /start, /menu,
     * /help and texts equal to one of our button data strings (Viber keyboards send the data as text) are
     * HANDLED; otherwise the pending state decides: NEW_TICKET, TO_TICKET, a rating comment (HANDLED, kept on its
     * ticket), or THREAD. A command followed by words the customer typed ("/help my card was declined") is answered
     * and its text threaded, so agents read it; only /start's link parameter stays with the bot.
     */
    public BotOutcome onText(BotContext ctx, String text) {
        String t = text == null ? "" : text.strip();
        if (!handles(ctx.channel())) {
            return new BotOutcome(Routing.THREAD, List.of(), ctx.state());
        }
        Matcher command = COMMAND.matcher(t);
        if (command.matches()) {
            String name = command.group(1).toLowerCase(Locale.ROOT);
            BotOutcome answered = command(ctx, name);
            String words = command.group(3) == null ? "" : command.group(3).strip();
            if (words.isEmpty() || ("start".equals(name) && START_PARAMETER.matcher(words).matches())) {
                return answered;
            }
            return new BotOutcome(Routing.THREAD, answered.replies(), answered.newState());
        }
        Optional<BotAction> action = BotAction.parse(t);
        if (action.isPresent()) {
            return perform(ctx, action.get());
        }
        BotState state = ctx.state();
        return switch (state.mode()) {
            case IDLE -> new BotOutcome(Routing.THREAD, List.of(), BotState.IDLE);
            case NEXT_MESSAGE_NEW_TICKET -> new BotOutcome(Routing.NEW_TICKET, List.of(), BotState.IDLE);
            case ADDING_TO -> addTo(ctx, state.ticketId());
            case AWAITING_RATING_COMMENT -> rating.comment(ctx, t);
        };
    }

    /** A button press (Telegram callback query). Always HANDLED. Unknown data shows the menu. */
    public BotOutcome onButton(BotContext ctx, String data) {
        Optional<BotAction> action = BotAction.parse(data);
        if (action.isEmpty()) {
            log.info("contact {} pressed a button with unknown data '{}'; showing the menu", ctx.contactId(), data);
            return menu(ctx, TextKey.BOT_MENU);
        }
        return perform(ctx, action.get());
    }

    /** The customer opened the conversation (Viber conversation_started): greeting and menu. */
    public BotOutcome onConversationStarted(BotContext ctx) {
        return menu(ctx, TextKey.BOT_GREETING);
    }

    /** To send when a ticket becomes Resolved: "Your request #N was resolved. How did we do?", 1-5 and Not solved. */
    public BotReply ratingPrompt(String language, TicketSummary ticket) {
        return rating.prompt(language, ticket);
    }

    /** The acknowledgement to send after a NEW_TICKET routing created the ticket: "Your request #N was created". */
    public BotReply ticketOpened(String language, TicketSummary ticket) {
        return BotReply.text(texts.say(language, TextKey.BOT_TICKET_OPENED, ticket));
    }

    private BotOutcome command(BotContext ctx, String name) {
        return switch (name) {
            case "start" -> menu(ctx, TextKey.BOT_GREETING);
            case "help" -> menu(ctx, TextKey.BOT_HELP);
            default -> menu(ctx, TextKey.BOT_MENU);
        };
    }

    private BotOutcome perform(BotContext ctx, BotAction action) {
        if (action instanceof BotAction.ShowMenu) {
            return menu(ctx, TextKey.BOT_MENU);
        } else if (action instanceof BotAction.NewRequest) {
            String lang = ctx.language();
            return BotOutcome.handled(BotState.NEW_TICKET,
                    new BotReply(texts.say(lang, TextKey.BOT_NEW_PROMPT), List.of(texts.backToMenu(lang))));
        } else if (action instanceof BotAction.ListTickets) {
            return tickets.list(ctx);
        } else if (action instanceof BotAction.CloseMenu) {
            return tickets.closeMenu(ctx);
        } else if (action instanceof BotAction.ChooseTicket a) {
            return tickets.choose(ctx, a.ticketId());
        } else if (action instanceof BotAction.CloseTicket a) {
            return tickets.close(ctx, a.ticketId());
        } else if (action instanceof BotAction.Rate a) {
            return rating.rate(ctx, a.ticketId(), a.stars());
        } else if (action instanceof BotAction.NotSolved a) {
            return rating.notSolved(ctx, a.ticketId());
        } else {
            return rating.skip(ctx);
        }
    }

    private BotOutcome menu(BotContext ctx, TextKey text) {
        return BotOutcome.handled(BotState.IDLE, new BotReply(texts.say(ctx.language(), text), texts.menu(ctx.language())));
    }

    private BotOutcome addTo(BotContext ctx, long ticketId) {
        Optional<TicketSummary> ticket = backend.ticket(ctx.contactId(), ticketId);
        if (ticket.isEmpty()) {
            log.info("contact {} chose ticket {} to add to, which is no longer theirs; threading the message instead",
                    ctx.contactId(), ticketId);
            return new BotOutcome(Routing.THREAD, List.of(), BotState.IDLE);
        }
        return new BotOutcome(Routing.toTicket(ticketId),
                List.of(BotReply.text(texts.say(ctx.language(), TextKey.BOT_ADDED, ticket.get()))), BotState.IDLE);
    }
}
