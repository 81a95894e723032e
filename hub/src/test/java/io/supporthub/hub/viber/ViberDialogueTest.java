package io.supporthub.hub.viber;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole customer dialogue on Viber: greeting, New request, a ticket, an agent's reply, resolve, the rating
 * prompt, five stars and a comment (the ticket stays resolved, the comment shown on it), then "Not solved" reopens it.
 */
class ViberDialogueTest {

    private static ViberHub viber;

    @BeforeAll
    static void start() {
        viber = new ViberHub();
    }

    @AfterAll
    static void stop() {
        viber.close();
    }

    @Test
    void wholeDialogue_fromGreetingToRatingAndNotSolved() throws Exception {
        String user = viber.newUser();
        HttpResponse<String> welcome = viber.post(ViberHub.callback(
                "viber-bot-python/test_viber_conversation_started_request.SAMPLE_REQUEST.json", user, 1));
        assertThat(Json.MAPPER.readTree(welcome.body()).get("text").asText()).startsWith("Hello!");

        viber.text(user, "menu:new");
        viber.hub.drainOutbox();
        JsonNode prompt = last(user);
        assertThat(prompt.get("text").asText()).startsWith("Please describe your question");
        assertThat(prompt.get("keyboard").get("Buttons").findValuesAsText("ActionBody")).containsExactly("menu:main");
        assertThat(viber.ticketIds(user)).isEmpty();

        viber.text(user, "My printer is on fire\nModel X-200");
        viber.hub.drainOutbox();
        long ticketId = viber.ticketIds(user).get(0);
        JsonNode ticket = viber.ticket(ticketId);
        long number = ticket.get("number").asLong();
        assertThat(ticket.get("subject").asText()).isEqualTo("My printer is on fire");
        assertThat(last(user).get("text").asText()).isEqualTo("Your request #" + number + " was created. We will answer you here.");
        assertThat(texts(ticket)).doesNotContain("menu:new").noneMatch(t -> t.startsWith("Please describe"));
        assertThat(ticket.get("firstResponseAt").isNull()).isTrue();
        List<String> excerpts = new ArrayList<>();
        viber.hub.get("/api/tickets?channel=viber&limit=100").json().get("items").forEach(item -> {
            if (item.get("id").asLong() == ticketId) {
                excerpts.add(item.get("excerpt").asText());
            }
        });
        assertThat(excerpts).containsExactly("My printer is on fire\nModel X-200"); // not the bot's acknowledgement

        assertThat(viber.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", "Unplug it, we send a technician.")).status())
                .isEqualTo(201);
        viber.hub.drainOutbox();
        assertThat(last(user).get("text").asText()).isEqualTo("Unplug it, we send a technician.");
        assertThat(last(user).get("receiver").asText()).isEqualTo(user);

        assertThat(viber.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isLessThan(300);
        viber.hub.drainOutbox();
        JsonNode rating = last(user);
        assertThat(rating.get("text").asText()).startsWith("Your request #" + number + " \"My printer is on fire\" was resolved.");
        assertThat(rating.get("keyboard").get("Buttons").findValuesAsText("ActionBody")).containsExactly(
                "rate:" + ticketId + ":1", "rate:" + ticketId + ":2", "rate:" + ticketId + ":3", "rate:" + ticketId + ":4",
                "rate:" + ticketId + ":5", "notsolved:" + ticketId);

        viber.text(user, "rate:" + ticketId + ":5");
        viber.text(user, "Fast and friendly");
        viber.hub.drainOutbox();
        ticket = viber.ticket(ticketId);
        assertThat(ticket.get("rating").asInt()).isEqualTo(5);
        assertThat(ticket.get("ratingComment").asText()).isEqualTo("Fast and friendly");
        assertThat(ticket.get("status").asText()).isEqualTo("resolved");
        assertThat(texts(ticket)).contains("Fast and friendly").doesNotContain("rate:" + ticketId + ":5");
        assertThat(last(user).get("text").asText()).isEqualTo("Thank you, your comment was saved.");

        viber.text(user, "notsolved:" + ticketId);
        ticket = viber.ticket(ticketId);
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(ticket.get("timeline").findValuesAsText("kind")).contains("reopened", "rated");
        viber.text(user, "It smokes again");
        viber.hub.drainOutbox();
        assertThat(viber.ticketIds(user)).containsExactly(ticketId);
        assertThat(texts(viber.ticket(ticketId))).contains("It smokes again");
        assertThat(last(user).get("text").asText()).isEqualTo("Thank you, your message was added to request #" + number + ".");
    }

    @Test
    void aTextTwoDaysAfterARating_isAnOrdinaryMessage_thatReopensTheTicket() throws Exception {
        String user = viber.newUser();
        viber.text(user, "My router blinks red");
        viber.hub.drainOutbox();
        long ticketId = viber.ticketIds(user).get(0);
        assertThat(viber.hub.post("/api/tickets/" + ticketId + "/status", Map.of("status", "resolved")).status()).isLessThan(300);
        viber.hub.drainOutbox();
        viber.text(user, "rate:" + ticketId + ":4");

        viber.hub.clock.advance(Duration.ofDays(2));
        viber.text(user, "Please call me back tomorrow");
        viber.hub.drainOutbox();

        assertThat(viber.ticketIds(user)).containsExactly(ticketId);
        JsonNode ticket = viber.ticket(ticketId);
        assertThat(ticket.get("status").asText()).isEqualTo("open");
        assertThat(ticket.get("rating").asInt()).isEqualTo(4);
        assertThat(ticket.path("ratingComment").asText(null)).isNull();
        assertThat(texts(ticket)).contains("Please call me back tomorrow");
        assertThat(viber.viber.messagesTo(user)).extracting(m -> m.path("text").asText())
                .doesNotContain("Thank you, your comment was saved.");
    }

    @Test
    void commandRedelivered_doesNotRunTwice() throws Exception {
        String user = viber.newUser();
        String body = viber.text(user, "menu:list");
        assertThat(viber.post(body).statusCode()).isEqualTo(200);
        viber.hub.drainOutbox();
        assertThat(viber.viber.messagesTo(user)).hasSize(1);
        assertThat(viber.ticketIds(user)).isEmpty();
    }

    private static JsonNode last(String user) {
        List<JsonNode> messages = viber.viber.messagesTo(user);
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private static List<String> texts(JsonNode ticket) {
        List<String> texts = new ArrayList<>();
        ticket.get("messages").forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }
}
