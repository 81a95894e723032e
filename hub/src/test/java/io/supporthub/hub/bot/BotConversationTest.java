package io.supporthub.hub.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.Address;
import io.supporthub.channels.ButtonPress;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.inbox.AcceptResult;
import io.supporthub.hub.support.RecordingSender;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot in front of the inbox, channel-neutral: Telegram-shaped events (text, callback button presses) handed to
 * the ChannelEventHandler as any Telegram route would, with a recording sender in place of the Bot API.
 */
class BotConversationTest {

    private static final AtomicLong CHATS = new AtomicLong(700_000);
    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void start_isHandledByTheBot_storedOnNoTicket_andAnsweredWithTheMenuButtons() {
        Address chat = Address.telegram(CHATS.incrementAndGet());
        List<AcceptResult> results = hub.app.channelEvents().handle(List.of(text(chat, "t-1-" + chat.value(), "/start")));
        assertThat(results).isEmpty();
        hub.drainOutbox();
        OutboundMessage greeting = lastTo(chat);
        assertThat(greeting.text()).startsWith("Здравствуйте"); // the sender's language_code is ru
        assertThat(greeting.buttons()).extracting(OutboundMessage.Button::data).containsExactly("menu:new", "menu:list", "menu:close");
        assertThat(greeting.ticketNumber()).isNull();
        assertThat(hub.get("/api/tickets?channel=telegram&limit=100").json().get("items").findValuesAsText("excerpt"))
                .noneMatch(e -> e.contains("/start"));
    }

    @Test
    void buttonPress_runsOnce_evenWhenRedelivered() {
        Address chat = Address.telegram(CHATS.incrementAndGet());
        ButtonPress press = new ButtonPress(ChannelKind.TELEGRAM, chat, SenderProfile.named("Ivan"), "cb-" + chat.value(),
                "menu:new", hub.clock.instant());
        hub.app.channelEvents().handle(List.of(press));
        hub.app.channelEvents().handle(List.of(press));
        hub.drainOutbox();
        assertThat(sentTo(chat)).hasSize(1);
        assertThat(lastTo(chat).text()).startsWith("Please describe");

        AcceptResult opened = hub.app.channelEvents().handle(List.of(text(chat, "t-2-" + chat.value(), "Card declined"))).get(0);
        assertThat(opened.outcome()).isEqualTo(AcceptResult.Outcome.NEW_TICKET);
        hub.drainOutbox();
        assertThat(lastTo(chat).text()).isEqualTo("Ваша заявка №" + opened.ticketNumber() + " создана. Мы ответим вам здесь.");
    }

    @Test
    void resolvingABotChannelTicket_sendsTheRatingPrompt_butNotForInternalTypeTickets() {
        Address chat = Address.telegram(CHATS.incrementAndGet());
        long id = hub.app.channelEvents().handle(List.of(text(chat, "t-3-" + chat.value(), "Lost my card"))).get(0).ticketId();
        hub.post("/api/tickets/" + id + "/status", Map.of("status", "resolved"));
        hub.drainOutbox();
        OutboundMessage prompt = lastTo(chat);
        assertThat(prompt.buttons()).extracting(OutboundMessage.Button::data).contains("rate:" + id + ":5", "notsolved:" + id);
        JsonNode detail = hub.get("/api/tickets/" + id).json();
        assertThat(detail.get("messages").get(detail.get("messages").size() - 1).get("automated").asBoolean()).isTrue();

        Address other = Address.telegram(CHATS.incrementAndGet());
        long internal = hub.app.channelEvents().handle(List.of(text(other, "t-4-" + other.value(), "Staff test"))).get(0).ticketId();
        hub.patch("/api/tickets/" + internal, Map.of("type", "internal"));
        hub.post("/api/tickets/" + internal + "/status", Map.of("status", "resolved"));
        hub.drainOutbox();
        assertThat(sentTo(other)).isEmpty();
    }

    private static InboundMessage text(Address chat, String externalId, String text) {
        return InboundMessage.text(ChannelKind.TELEGRAM, chat, new SenderProfile("Иван", "ru", List.of()), externalId, text,
                hub.clock.instant());
    }

    private static List<OutboundMessage> sentTo(Address chat) {
        RecordingSender telegram = hub.senders.get(ChannelKind.TELEGRAM);
        return telegram.sent().stream().filter(m -> m.to().equals(chat)).toList();
    }

    private static OutboundMessage lastTo(Address chat) {
        List<OutboundMessage> sent = sentTo(chat);
        assertThat(sent).isNotEmpty();
        return sent.get(sent.size() - 1);
    }
}
