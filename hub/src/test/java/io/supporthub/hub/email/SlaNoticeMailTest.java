package io.supporthub.hub.email;

import io.supporthub.hub.agent.Agent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA notices through the whole hub (issue 20, item 4): the hub's own warnings runner tells the assignee live on their
 * open pages and by email, in their own time zone, and nothing reaches the customer.
 */
class SlaNoticeMailTest {

    static MailHub mail;
    static Agent paula;

    @BeforeAll
    static void start() {
        mail = new MailHub(Map.of());
        paula = mail.hub.app.agents().create("paula@agents.example", "Paula Paris", "correct horse battery staple",
                "agent", 1);
        Map<String, Object> hours = new LinkedHashMap<>();
        for (String day : List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun")) {
            hours.put(day, List.of(List.of("00:00", "24:00")));
        }
        long calendarId = mail.hub.post("/api/calendars", Map.of("name", "Always", "timeZone", "UTC", "hours", hours))
                .json().get("id").asLong();
        mail.hub.database.jdbi().useHandle(handle -> {
            handle.execute("insert into sla_defaults (calendar_id, response_seconds, resolution_seconds) "
                    + "values (?, 3600, 28800)", calendarId);
            handle.execute("update agent set time_zone = 'Europe/Paris' where id = ?", paula.id());
        });
    }

    @AfterAll
    static void stop() {
        mail.close();
    }

    @Test
    void theResponseWarning_reachesTheAssigneeLiveAndByMail_inTheirZone_andNotTheCustomer() throws Exception {
        mail.deliver("Ivan <ivan@customer.example>", "Router blinks red", "Since this morning.", "sla1@customer.example");
        mail.poll();
        long ticketId = mail.ticketOfMail("sla1@customer.example");
        long number = mail.ticket(ticketId).get("number").asLong();
        assertThat(mail.hub.patch("/api/tickets/" + ticketId, Map.of("assignee", paula.id())).status()).isEqualTo(200);
        mail.hub.app.email().orElseThrow().agentMail().sendDue();
        mail.hub.drainOutbox();
        int toCustomer = mail.sentTo("ivan@customer.example").size();
        int toPaulaBefore = awaitMailTo("paula@agents.example", 1).size(); // "was assigned to you"
        BlockingQueue<String> toPaula = events(paula.id());

        // registered at 09:00 UTC: the response is due at 10:00 UTC, 11:00 in Paris; the warning falls due at 09:30
        mail.hub.clock.advance(Duration.ofMinutes(35));
        assertThat(mail.hub.app.slaWarnings().runToEnd()).isEqualTo(1);

        String expected = "Ticket #" + number + " 'Router blinks red': response due in 25 min (at 11:00)";
        assertThat(awaitLine(toPaula, "event: sla")).isTrue();
        String data = toPaula.poll(5, TimeUnit.SECONDS);
        assertThat(data).contains("\"ticketId\":" + ticketId).contains("\"kind\":\"response_warning\"")
                .contains(expected);

        List<MimeMessage> mails = awaitMailTo("paula@agents.example", toPaulaBefore + 1);
        assertThat(mails).hasSize(toPaulaBefore + 1);
        MimeMessage notice = mails.get(toPaulaBefore);
        assertThat(notice.getSubject()).isEqualTo(expected);
        assertThat(MailHub.parts(notice)).contains(MailHub.PUBLIC_URL + "/tickets/" + ticketId);

        mail.hub.drainOutbox();
        assertThat(mail.sentTo("ivan@customer.example")).as("the customer hears nothing of it").hasSize(toCustomer);
        assertThat(mail.hub.app.slaWarnings().runToEnd()).as("sent once").isZero();
    }

    private static List<MimeMessage> awaitMailTo(String address, int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (mail.sentTo(address).size() < count && Instant.now().isBefore(deadline)) {
            mail.hub.app.email().orElseThrow().agentMail().sendDue();
            Thread.sleep(50);
        }
        return mail.sentTo(address);
    }

    /** The agent's event stream, connected. */
    private static BlockingQueue<String> events(long agentId) throws InterruptedException {
        String token = mail.hub.post("/api/agents/" + agentId + "/token", Map.of()).json().get("token").asText();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(mail.hub.url("/api/events")))
                        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
        assertThat(awaitLine(lines, "connected")).isTrue();
        return lines;
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(expected)) {
                return true;
            }
        }
        return false;
    }
}
