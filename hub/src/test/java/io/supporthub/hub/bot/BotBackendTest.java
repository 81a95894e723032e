package io.supporthub.hub.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.bot.TicketSummary;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.ticket.ReopenPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot's backend over the hub's database: what "close", "rate" and "not solved" do to tickets. */
class BotBackendTest {

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
    void closingAnOpenTicket_resolvesItOnTheCustomersWord_thenClosesIt() {
        long id = newTicket("The app crashes");
        long contact = contactOf(id);
        ask(b -> b.close(contact, id));

        JsonNode ticket = hub.get("/api/tickets/" + id).json();
        assertThat(ticket.get("status").asText()).isEqualTo("closed");
        assertThat(ticket.get("resolvedAt").isNull()).isFalse();
        assertThat(ticket.get("closedAt").isNull()).isFalse();
        assertThat(statusEvents(ticket)).containsExactly("customer:open>resolved", "customer:resolved>closed");
        assertThat(hub.drainOutbox()).isZero();
    }

    @Test
    void closingAResolvedTicket_isTheCustomersConfirmation() {
        long id = newTicket("Invoice question");
        long contact = contactOf(id);
        resolve(id);
        act(b -> b.close(contact, id));
        JsonNode ticket = hub.get("/api/tickets/" + id).json();
        assertThat(ticket.get("status").asText()).isEqualTo("closed");
        assertThat(statusEvents(ticket)).containsExactly("agent:open>resolved", "customer:resolved>closed");
    }

    @Test
    void rating_isStoredWithItsComment_andNeverReopens() {
        long id = newTicket("Delivery was late");
        long contact = contactOf(id);
        resolve(id);
        act(b -> b.rate(contact, id, 4, null));
        act(b -> b.rate(contact, id, 4, "Polite, but slow"));
        JsonNode ticket = hub.get("/api/tickets/" + id).json();
        assertThat(ticket.get("status").asText()).isEqualTo("resolved");
        assertThat(ticket.get("rating").asInt()).isEqualTo(4);
        assertThat(ticket.get("ratingComment").asText()).isEqualTo("Polite, but slow");
        assertThat(ticket.get("timeline").findValuesAsText("kind")).filteredOn("rated"::equals).hasSize(2);
    }

    @Test
    void notSolved_reopensAResolvedTicket() {
        long id = newTicket("Password reset mail never came");
        long contact = contactOf(id);
        resolve(id);
        act(b -> b.notSolved(contact, id));
        JsonNode ticket = hub.get("/api/tickets/" + id).json();
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(statusEvents(ticket)).last().isEqualTo("customer:resolved>open");
    }

    @Test
    void notSolved_onAClosedTicket_reopensWithinTheWindow_andNotPastIt() {
        long recent = newTicket("Wrong size delivered");
        long contact = contactOf(recent);
        resolve(recent);
        act(b -> b.close(contact, recent));
        act(b -> b.notSolved(contact, recent));
        assertThat(hub.get("/api/tickets/" + recent).json().get("status").asText()).isEqualTo("open");

        long old = newTicket("Refund missing");
        long oldContact = contactOf(old);
        resolve(old);
        act(b -> b.close(oldContact, old));
        hub.clock.advance(Duration.ofDays(8));
        act(b -> b.notSolved(oldContact, old));
        assertThat(hub.get("/api/tickets/" + old).json().get("status").asText()).isEqualTo("closed");
    }

    @Test
    void myTickets_hideInternalTypeTickets_andOtherPeoplesTickets() {
        String email = "pat-" + UUID.randomUUID() + "@example.com";
        long visible = hub.inbound("m-" + UUID.randomUUID(), "Pat", email, "Visible question").json().get("ticketId").asLong();
        long contact = contactOf(visible);
        long internal = hub.post("/api/tickets", Map.of("subject", "Check Pat's account", "contact", Map.of("id", contact),
                "type", "internal")).json().get("id").asLong();
        newTicket("Someone else's question");
        List<TicketSummary> mine = ask(b -> b.myTickets(contact));
        assertThat(mine).extracting(TicketSummary::id).containsExactly(visible);
        Optional<TicketSummary> hidden = ask(b -> b.ticket(contact, internal));
        assertThat(hidden).isEmpty();
    }

    private static <T> T ask(java.util.function.Function<JdbiBotBackend, T> call) {
        return hub.app.transactions().inTransaction((handle, afterCommit) -> call.apply(
                new JdbiBotBackend(handle, hub.app.ticketOps(), new ReopenPolicy(Duration.ofDays(7)), afterCommit)));
    }

    private static void act(Consumer<JdbiBotBackend> call) {
        ask(b -> {
            call.accept(b);
            return null;
        });
    }

    private static long newTicket(String text) {
        return hub.inbound("m-" + UUID.randomUUID(), "Customer", UUID.randomUUID() + "@example.com", text)
                .json().get("ticketId").asLong();
    }

    private static long contactOf(long ticketId) {
        return hub.get("/api/tickets/" + ticketId).json().get("contact").get("id").asLong();
    }

    private static void resolve(long ticketId) {
        assertThat(hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isLessThan(300);
    }

    /** "actor:from>to" of each status change on the timeline. */
    private static List<String> statusEvents(JsonNode ticket) {
        List<String> events = new ArrayList<>();
        ticket.get("timeline").forEach(e -> {
            if (!"created".equals(e.get("kind").asText()) && e.hasNonNull("toStatus")) {
                events.add(e.get("actor").asText() + ":" + e.get("fromStatus").asText() + ">" + e.get("toStatus").asText());
            }
        });
        return events;
    }
}
