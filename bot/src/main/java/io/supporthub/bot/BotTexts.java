package io.supporthub.bot;

import io.supporthub.channels.OutboundMessage.Button;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;
import io.supporthub.templates.TextKey;
import io.supporthub.templates.TextSource;

import java.util.List;
import java.util.Objects;

/**
 * The bot's words in the customer's language (English, Russian, French; other tags fall back to English), rendered
 * unescaped. Shared and thread-safe: build one at start and give it to every {@link CustomerBot}.
 */
public final class BotTexts {
    static final int MAX_SUBJECT_IN_BUTTON = 32;

    private final TextSource texts;
    private final TemplateRenderer renderer;
    private final String companyName;

    /** @param companyName shown in the greeting ("You are writing to Acme support"), or null */
    public BotTexts(TextSource texts, TemplateRenderer renderer, String companyName) {
        this.texts = Objects.requireNonNull(texts, "texts");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.companyName = companyName == null || companyName.isBlank() ? null : companyName.strip();
    }

    String say(String language, TextKey key) {
        return render(language, key, TemplateVariables.create());
    }

    String say(String language, TextKey key, TicketSummary ticket) {
        return render(language, key, ticketVariables(language, ticket, ticket.subject()));
    }

    String say(String language, TextKey key, TemplateVariables variables) {
        return render(language, key, variables);
    }

    /** The status as the customer reads it: the custom status's name, else the base status's label. */
    String status(String language, TicketSummary ticket) {
        if (ticket.statusLabel() != null && !ticket.statusLabel().isBlank()) {
            return ticket.statusLabel();
        }
        return TextKey.forStatus(ticket.status()).map(key -> texts.template(language, key)).orElse(ticket.status());
    }

    List<Button> menu(String language) {
        return List.of(
                button(language, TextKey.BOT_BUTTON_NEW, new BotAction.NewRequest()),
                button(language, TextKey.BOT_BUTTON_LIST, new BotAction.ListTickets()),
                button(language, TextKey.BOT_BUTTON_CLOSE, new BotAction.CloseMenu()));
    }

    Button backToMenu(String language) {
        return button(language, TextKey.BOT_BUTTON_MENU, new BotAction.ShowMenu());
    }

    Button button(String language, TextKey label, BotAction action) {
        return new Button(say(language, label), action.data());
    }

    /** A button naming a ticket: number and a shortened subject. */
    Button ticketButton(String language, TicketSummary ticket, BotAction action) {
        String label = render(language, TextKey.BOT_TICKET_BUTTON,
                ticketVariables(language, ticket, shorten(ticket.subject())));
        return new Button(label, action.data());
    }

    private TemplateVariables ticketVariables(String language, TicketSummary ticket, String subject) {
        return TemplateVariables.create().ticket(ticket.number(), subject, status(language, ticket));
    }

    private String render(String language, TextKey key, TemplateVariables variables) {
        return renderer.renderPlain(texts.template(language, key), variables.company(companyName).asMap()).strip();
    }

    private static String shorten(String subject) {
        String s = subject.strip().replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) <= MAX_SUBJECT_IN_BUTTON) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, MAX_SUBJECT_IN_BUTTON - 1)).stripTrailing() + "…";
    }
}
