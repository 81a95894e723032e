package io.supporthub.hub.sms;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.sms.SmsSegments;
import io.supporthub.hub.agent.Agent;
import io.supporthub.hub.agent.Authentication;
import io.supporthub.hub.db.Transactions;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.notification.NotificationStore;
import io.supporthub.hub.notification.TicketVariables;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketQueries;
import io.supporthub.hub.ticket.TicketService;
import io.supporthub.hub.web.Json;
import io.supporthub.hub.web.PathParams;
import io.supporthub.templates.DefaultTexts;
import io.supporthub.templates.TemplateRenderer;
import io.supporthub.templates.TemplateVariables;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's SMS tools (behind the {@code /api/*} login):
 * <ul>
 *   <li>{@code GET /api/sms/segments?text=...} → {@code {"encoding": "gsm7"|"ucs2", "segments": n, "units": n,
 *       "ucs2Because"?: "’", "ucs2BecauseCode"?: "U+2019"}}, what the text costs before it is sent, and for UCS-2
 *       the first character that makes it so;</li>
 *   <li>{@code POST /api/tickets/{id}/sms} {@code {"text"}}: an SMS to the ticket's customer on their phone, whatever
 *       channel the ticket came from. The text is a template (e.g. a canned reply) filled with the ticket's variables
 *       ({@code {{customer.name}}}, {@code {{ticket.number}}}, {@code {{ticket.subject}}}, {@code {{ticket.status}}},
 *       {@code {{agent.name}}}, {@code {{company.name}}}); answers 201 {@code {"messageId", "deliveryState", "text",
 *       "segments"}}.</li>
 * </ul>
 */
public final class SmsRoutes {

    private final Transactions transactions;
    private final TicketService tickets;
    private final NotificationStore notificationStore;
    private final DefaultTexts defaults;
    private final TemplateRenderer renderer;

    public SmsRoutes(Transactions transactions, TicketService tickets, NotificationStore notificationStore,
                     DefaultTexts defaults, TemplateRenderer renderer) {
        this.transactions = transactions;
        this.tickets = tickets;
        this.notificationStore = notificationStore;
        this.defaults = defaults;
        this.renderer = renderer;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/sms/segments", this::segments);
        routes.post("/api/tickets/{id}/sms", this::send);
    }

    private void segments(Context ctx) {
        String text = ctx.queryParam("text");
        ctx.json(segments(text == null ? "" : text));
    }

    private void send(Context ctx) {
        Agent agent = Authentication.agent(ctx);
        long ticketId = ticketId(ctx);
        String template = Json.text(Json.body(ctx), "text");
        String text = transactions.read(handle -> {
            Ticket ticket = new TicketQueries(handle).find(ticketId)
                    .orElseThrow(() -> Refusal.notFound("no ticket " + ticketId));
            Map<String, Object> variables = TicketVariables.of(handle, ticket, defaults,
                    notificationStore.read(handle).companyName(), agent.name());
            try {
                renderer.validate(template, TemplateVariables.TICKET);
                return renderer.renderPlain(template, variables).strip();
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("'text' is not a valid template: " + e.getMessage());
            }
        });
        long messageId = tickets.reply(ticketId, agent, text, ChannelKind.SMS, false);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("deliveryState", "queued");
        body.put("text", text);
        body.put("segments", segments(text));
        ctx.status(201).json(body);
    }

    static Map<String, Object> segments(String text) {
        SmsSegments segments = SmsSegments.of(text);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("encoding", segments.encoding().name().toLowerCase(Locale.ROOT));
        body.put("segments", segments.segments());
        body.put("units", segments.units());
        int culprit = SmsSegments.firstOutsideGsm7(text);
        if (culprit >= 0) {
            body.put("ucs2Because", new String(Character.toChars(culprit)));
            body.put("ucs2BecauseCode", String.format(Locale.ROOT, "U+%04X", culprit));
        }
        return body;
    }

    private static long ticketId(Context ctx) {
        return PathParams.id(ctx, "ticket");
    }
}
