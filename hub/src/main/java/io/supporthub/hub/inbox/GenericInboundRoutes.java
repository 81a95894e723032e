package io.supporthub.hub.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.PhoneNumbers;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.error.Refusal;
import io.supporthub.hub.web.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The generic channel: {@code POST /api/inbound} with {@code X-Api-Key}, so any system (a web form, a CRM) can
 * bring customers' messages in without a provider. The sender is identified by userId, else email, else phone.
 */
public final class GenericInboundRoutes {

    private final Inbox inbox;
    private final Optional<String> apiKey;
    private final PhoneNumbers phones;
    private final Clock clock;

    public GenericInboundRoutes(Inbox inbox, Optional<String> apiKey, PhoneNumbers phones, Clock clock) {
        this.inbox = inbox;
        this.apiKey = apiKey;
        this.phones = phones;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/inbound", this::accept);
    }

    private void accept(Context ctx) {
        checkKey(ctx.header("X-Api-Key"));
        JsonNode body = Json.body(ctx);
        AcceptResult result = inbox.accept(parse(body), placement(body));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
        answer.put("ticketId", result.ticketId());
        answer.put("ticketNumber", result.ticketNumber());
        answer.put("messageId", result.messageId());
        ctx.status(result.changedSomething() ? 201 : 200).json(answer);
    }

    private void checkKey(String given) {
        if (apiKey.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "channel_off", "the generic inbound channel is off: set API_KEY to turn it on");
        }
        if (given == null || given.isBlank()) {
            throw Refusal.unauthenticated("the X-Api-Key header is missing");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            throw Refusal.forbidden("the X-Api-Key is wrong");
        }
    }

    /** {@code "newTicket": true} always opens a ticket; {@code "ticket": <number>} adds to that one of the sender's. */
    static Inbox.Placement placement(JsonNode body) {
        boolean newTicket = Json.optBoolean(body, "newTicket", false);
        Long number = Json.optLong(body, "ticket");
        if (number != null) {
            if (number <= 0) {
                throw Refusal.invalid("'ticket' must be a ticket number");
            }
            if (newTicket) {
                throw Refusal.invalid("give 'newTicket' or 'ticket', not both");
            }
            return Inbox.Placement.toNumber(number);
        }
        return newTicket ? Inbox.Placement.NEW : Inbox.Placement.THREAD;
    }

    InboundMessage parse(JsonNode body) {
        JsonNode from = body.get("from");
        if (from == null || !from.isObject()) {
            throw Refusal.invalid("'from' is required: {\"name\", \"email\"?, \"phone\"?, \"userId\"?}");
        }
        String externalId = Json.text(body, "externalId").strip();
        if (externalId.isEmpty() || externalId.length() > 300) {
            throw Refusal.invalid("'externalId' must be 1 to 300 characters");
        }
        if (externalId.chars().anyMatch(Character::isISOControl)) {
            throw Refusal.invalid("'externalId' must not contain control characters (a NUL, a newline)");
        }
        String text = Json.text(body, "text");
        if (text.isBlank()) {
            throw Refusal.invalid("'text' must not be empty");
        }
        String userId = Json.optText(from, "userId");
        String email = Json.optText(from, "email");
        String phone = Json.optText(from, "phone");
        List<Address> addresses = new ArrayList<>();
        if (userId != null && !userId.isBlank()) {
            addresses.add(Address.api(userId));
        }
        if (email != null && !email.isBlank()) {
            if (!email.contains("@")) {
                throw Refusal.invalid("'from.email' is not an email address: '" + email + "'");
            }
            addresses.add(Address.email(email));
        }
        if (phone != null && !phone.isBlank()) {
            try {
                addresses.add(Address.phone(phones.toE164(phone)));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("'from.phone': " + e.getMessage());
            }
        }
        if (addresses.isEmpty()) {
            throw Refusal.invalid("'from' needs a userId, an email or a phone to know who wrote");
        }
        SenderProfile sender = new SenderProfile(Json.optText(from, "name"), Json.optText(from, "language"),
                addresses.subList(1, addresses.size()));
        return new InboundMessage(ChannelKind.API, addresses.get(0), sender, externalId, text.strip(), null,
                Json.optText(body, "subject"), null, List.of(), clock.instant(), false, false, List.of());
    }
}
