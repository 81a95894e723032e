package io.supporthub.hub.viber;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent's reply that Viber gets in several parts, the second failing once with a passing error: the outbox's retry
 * sends only the parts that had not gone out, and Viber's news about any part still finds the message.
 */
class ViberMessageInPartsTest {

    private static final String PY = "viber-bot-python/";
    private static final String FIRST = "word ".repeat(1000).strip();
    private static final String SECOND = "WORD ".repeat(1000).strip();
    private static final String THIRD = "end ".repeat(1000).strip();
    private static ViberHub viber;

    @BeforeAll
    static void start() {
        viber = new ViberHub();
    }

    @AfterAll
    static void stop() {
        viber.close();
    }

    /** A ticket of a new Viber user whose reply in three parts went out after its second part failed once. */
    private static long replySentAfterARetry(String user) throws Exception {
        viber.text(user, "Tell me everything about the warranty");
        long ticketId = viber.ticketIds(user).get(0);
        viber.hub.drainOutbox();
        viber.viber.passNextSend();
        viber.viber.failNextSendWithHttp(502);
        assertThat(viber.hub.post("/api/tickets/" + ticketId + "/replies",
                Map.of("text", FIRST + "\n\n" + SECOND + "\n\n" + THIRD)).status()).isEqualTo(201);
        viber.hub.drainOutbox();
        viber.hub.clock.advance(Duration.ofMinutes(1));
        viber.hub.drainOutbox();
        return ticketId;
    }

    private static List<String> textsTo(String user) {
        return viber.viber.messagesTo(user).stream().map(m -> m.path("text").asText()).toList();
    }

    private static List<String> partTokens(long ticketId) {
        return viber.hub.app.transactions().read(handle -> handle.createQuery("select p.provider_id from message_part p "
                        + "join message m on m.id = p.message_id where m.ticket_id = :id order by p.part")
                .bind("id", ticketId).mapTo(String.class).list());
    }

    private static JsonNode reply(long ticketId) {
        JsonNode found = null;
        for (JsonNode message : viber.ticket(ticketId).get("messages")) {
            if (message.get("text").asText().startsWith(FIRST)) {
                found = message;
            }
        }
        assertThat(found).as("the agent's reply").isNotNull();
        return found;
    }

    private static void delivery(String file, String user, String token) throws Exception {
        assertThat(viber.post(ViberHub.callback(PY + file, user, 0).replace("\"0\"", token)).statusCode()).isEqualTo(200);
    }

    @Test
    void longReply_whoseSecondPartFailsOnce_reachesTheCustomerWithEachPartOnce() throws Exception {
        String user = viber.newUser();
        long ticketId = replySentAfterARetry(user);

        List<String> texts = textsTo(user);
        assertThat(texts.stream().filter(t -> t.equals(FIRST) || t.equals(SECOND) || t.equals(THIRD)))
                .containsExactly(FIRST, SECOND, THIRD);
        assertThat(reply(ticketId).get("deliveryState").asText()).isEqualTo("sent");
        assertThat(partTokens(ticketId)).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void deliveredForAnEarlierPart_leavesTheReplySent_butItsFailureMarksTheReplyFailed() throws Exception {
        String user = viber.newUser();
        long ticketId = replySentAfterARetry(user);
        List<String> tokens = partTokens(ticketId);

        delivery("test_viber_delivered_request.SAMPLE_REQUEST.json", user, tokens.get(0));
        assertThat(reply(ticketId).get("deliveryState").asText()).as("one part arrived, not the whole reply")
                .isEqualTo("sent");
        delivery("test_viber_failed_request.SAMPLE_REQUEST.json", user, tokens.get(1));
        assertThat(reply(ticketId).get("deliveryState").asText()).isEqualTo("failed");
    }

    @Test
    void newsOfThePartAlreadyOut_whileTheRestWaitsForItsRetry_isDropped() throws Exception {
        String user = viber.newUser();
        viber.text(user, "And the return policy?");
        long ticketId = viber.ticketIds(user).get(0);
        viber.hub.drainOutbox();
        viber.viber.passNextSend();
        viber.viber.failNextSendWithHttp(502);
        viber.hub.post("/api/tickets/" + ticketId + "/replies", Map.of("text", FIRST + "\n\n" + SECOND + "\n\n" + THIRD));
        viber.hub.drainOutbox();

        delivery("test_viber_failed_request.SAMPLE_REQUEST.json", user, partTokens(ticketId).get(0));
        assertThat(reply(ticketId).get("deliveryState").asText()).isEqualTo("queued");
        viber.hub.clock.advance(Duration.ofMinutes(1));
        viber.hub.drainOutbox();
        assertThat(reply(ticketId).get("deliveryState").asText()).isEqualTo("sent");
    }

    @Test
    void deliveredForTheLastPart_marksTheReplyDelivered() throws Exception {
        String user = viber.newUser();
        long ticketId = replySentAfterARetry(user);

        delivery("test_viber_delivered_request.SAMPLE_REQUEST.json", user, partTokens(ticketId).get(2));
        assertThat(reply(ticketId).get("deliveryState").asText()).isEqualTo("delivered");
    }
}
