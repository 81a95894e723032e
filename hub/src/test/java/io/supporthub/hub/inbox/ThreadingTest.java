package io.supporthub.hub.inbox;

import io.supporthub.channels.Address;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.InboundMessage;
import io.supporthub.channels.SenderProfile;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.ticket.Ticket;
import io.supporthub.hub.ticket.TicketQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadingTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
    }

    /** Tests move the clock by days; a fresh session keeps the agent logged in. */
    @org.junit.jupiter.api.BeforeEach
    void logIn() {
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static AcceptResult telegram(long chatId, String text) {
        return hub.app.inbox().accept(InboundMessage.text(ChannelKind.TELEGRAM, Address.telegram(chatId),
                SenderProfile.named("Tg user"), chatId + ":" + UUID.randomUUID(), text, hub.clock.instant()));
    }

    private static Ticket ticket(long id) {
        return hub.app.transactions().read(h -> new TicketQueries(h).find(id)).orElseThrow();
    }

    private static void status(long ticketId, String status) {
        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", status)).status()).isEqualTo(200);
    }

    @Test
    void archivedSixDays23HoursAgo_reopensTheSameTicket() {
        AcceptResult first = telegram(1001, "Hello");
        status(first.ticketId(), "resolved");
        hub.clock.advance(Duration.ofDays(6).plusHours(23));
        AcceptResult again = telegram(1001, "Still broken");
        assertThat(again.outcome()).isEqualTo(AcceptResult.Outcome.REOPENED);
        assertThat(again.ticketId()).isEqualTo(first.ticketId());
        assertThat(ticket(first.ticketId()).status()).isEqualTo("open");
    }

    @Test
    void archivedExactlySevenDaysAgo_opensAFollowUpLinkedToTheOld() {
        AcceptResult first = telegram(1002, "Hello");
        status(first.ticketId(), "resolved");
        hub.clock.advance(Duration.ofDays(7));
        AcceptResult again = telegram(1002, "New problem");
        assertThat(again.outcome()).isEqualTo(AcceptResult.Outcome.FOLLOW_UP);
        assertThat(again.ticketId()).isNotEqualTo(first.ticketId());
        assertThat(ticket(again.ticketId()).followUpOf()).isEqualTo(first.ticketId());
        assertThat(ticket(again.ticketId()).subject()).as("the earlier ticket's subject").isEqualTo(ticket(first.ticketId()).subject());
        assertThat(ticket(first.ticketId()).status()).isEqualTo("resolved");
    }

    @Test
    void resolvedThenClosed_windowCountsFromResolution() {
        AcceptResult first = telegram(1003, "Hello");
        status(first.ticketId(), "resolved");
        hub.clock.advance(Duration.ofDays(5));
        status(first.ticketId(), "closed");
        hub.clock.advance(Duration.ofDays(2));
        assertThat(telegram(1003, "Again").outcome()).isEqualTo(AcceptResult.Outcome.FOLLOW_UP);
    }

    @Test
    void closedTicketWithinWindow_reopens() {
        AcceptResult first = telegram(1004, "Hello");
        status(first.ticketId(), "resolved");
        status(first.ticketId(), "closed");
        hub.clock.advance(Duration.ofDays(1));
        assertThat(telegram(1004, "Again").outcome()).isEqualTo(AcceptResult.Outcome.REOPENED);
    }

    @Test
    void customerMessage_movesPendingAndAwaitingBackToOpen() {
        AcceptResult first = telegram(1005, "Hello");
        for (String waiting : List.of("pending", "awaiting_reply")) {
            status(first.ticketId(), waiting);
            assertThat(telegram(1005, "Any news?").outcome()).isEqualTo(AcceptResult.Outcome.JOINED);
            assertThat(ticket(first.ticketId()).status()).isEqualTo("open");
        }
    }

    @Test
    void postponedTicket_wakesOnCustomerMessage() {
        AcceptResult first = telegram(1006, "Hello");
        String until = hub.clock.instant().plus(Duration.ofDays(2)).toString();
        assertThat(hub.post("/api/tickets/" + first.ticketId() + "/status", Map.of("status", "postponed", "until", until)).status())
                .isEqualTo(200);
        telegram(1006, "Hurry please");
        Ticket ticket = ticket(first.ticketId());
        assertThat(ticket.status()).isEqualTo("open");
        assertThat(ticket.postponedUntil()).isNull();
    }

    @Test
    void redeliveredMessage_changesNothing() {
        InboundMessage message = InboundMessage.text(ChannelKind.VIBER, Address.viber("vb-1"), SenderProfile.named("V"),
                "5058590812907389764", "Hi", hub.clock.instant());
        AcceptResult first = hub.app.inbox().accept(message);
        Ticket before = ticket(first.ticketId());
        hub.clock.advance(Duration.ofMinutes(5));
        AcceptResult again = hub.app.inbox().accept(message);
        assertThat(again.outcome()).isEqualTo(AcceptResult.Outcome.DUPLICATE);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(ticket(first.ticketId())).isEqualTo(before);
        long count = hub.app.transactions().read(h -> h.createQuery("select count(*) from message where ticket_id = :id")
                .bind("id", first.ticketId()).mapTo(Long.class).one());
        assertThat(count).isEqualTo(1);
    }

    @Test
    void editedMessage_updatesTheStoredText() {
        InboundMessage message = InboundMessage.text(ChannelKind.TELEGRAM, Address.telegram(1007), SenderProfile.named("T"),
                "1007:55", "Helo", hub.clock.instant());
        AcceptResult first = hub.app.inbox().accept(message);
        AcceptResult edited = hub.app.inbox().accept(InboundMessage.text(ChannelKind.TELEGRAM, Address.telegram(1007),
                SenderProfile.named("T"), "1007:55", "Hello", hub.clock.instant()).asEdit());
        assertThat(edited.outcome()).isEqualTo(AcceptResult.Outcome.EDITED);
        var stored = hub.get("/api/tickets/" + first.ticketId()).json().get("messages").get(0);
        assertThat(stored.get("text").asText()).isEqualTo("Hello");
        assertThat(stored.get("edited").asBoolean()).isTrue();
    }

    @Test
    void phoneSeenOnTwoChannels_isOnePerson_andSmsReplyLandsOnTheTelegramTicket() {
        // A Telegram customer shares their phone (a contact), then answers the agent by SMS.
        InboundMessage shared = new InboundMessage(ChannelKind.TELEGRAM, Address.telegram(1008),
                new SenderProfile("Ivan", "ru", List.of(Address.phone("+33612345678"))), "1008:1", "My phone",
                null, null, null, List.of(), hub.clock.instant(), false, false, List.of());
        AcceptResult telegram = hub.app.inbox().accept(shared);
        hub.post("/api/tickets/" + telegram.ticketId() + "/replies", Map.of("text", "We will text you", "channel", "sms"));
        AcceptResult sms = hub.app.inbox().accept(InboundMessage.text(ChannelKind.SMS, Address.phone("+33612345678"),
                SenderProfile.named(null), "SM" + UUID.randomUUID().toString().replace("-", ""), "ok thanks", hub.clock.instant()));
        assertThat(sms.ticketId()).isEqualTo(telegram.ticketId());
        assertThat(sms.outcome()).isEqualTo(AcceptResult.Outcome.JOINED);
    }

    @Test
    void emailFromSameAddressAsApiForm_isTheSameContact() {
        TestHub.Response form = hub.inbound("web-77", "Zoe", "Zoe@Example.com", "Question from the form");
        long formContact = hub.get("/api/tickets/" + form.json().get("ticketId").asLong()).json().get("contact").get("id").asLong();
        AcceptResult mail = hub.app.inbox().accept(new InboundMessage(ChannelKind.EMAIL, Address.email("zoe@example.com"),
                SenderProfile.named("Zoe"), "<abc@mail>", "Another question", null, "Other", null, List.of(),
                hub.clock.instant(), false, false, List.of()));
        long mailContact = hub.get("/api/tickets/" + mail.ticketId()).json().get("contact").get("id").asLong();
        assertThat(mailContact).isEqualTo(formContact);
    }

    @Test
    void emailQuotingAStrangersTicketNumber_opensANewTicketMentioningIt() {
        AcceptResult owner = hub.app.inbox().accept(new InboundMessage(ChannelKind.EMAIL, Address.email("owner@example.com"),
                SenderProfile.named("Owner"), "<o1@mail>", "My order", null, "Order", null, List.of(), hub.clock.instant(),
                false, false, List.of()));
        AcceptResult stranger = hub.app.inbox().accept(new InboundMessage(ChannelKind.EMAIL, Address.email("eve@example.com"),
                SenderProfile.named("Eve"), "<e1@mail>", "Let me in", null, "Re: [#" + owner.ticketNumber() + "] Order",
                new io.supporthub.channels.ThreadHint(owner.ticketNumber(), List.of("o1@mail")), List.of(),
                hub.clock.instant(), false, false, List.of()));
        assertThat(stranger.ticketId()).isNotEqualTo(owner.ticketId());
        assertThat(stranger.outcome()).isEqualTo(AcceptResult.Outcome.NEW_TICKET);
        String timeline = hub.get("/api/tickets/" + stranger.ticketId()).json().get("timeline").toString();
        assertThat(timeline).contains("mentions").contains(String.valueOf(owner.ticketNumber()));
    }
}
