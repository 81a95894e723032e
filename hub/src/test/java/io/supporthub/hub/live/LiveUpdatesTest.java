package io.supporthub.hub.live;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LiveUpdatesTest {

    static TestHub hub;

    @BeforeAll
    static void start() {
        hub = new TestHub();
        hub.logIn();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    /** Opens the event stream with the given auth header and collects its lines. */
    private static BlockingQueue<String> stream(String header, String value) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(hub.url("/api/events"))).header(header, value).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    lines.add("status " + response.statusCode());
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    }
                });
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

    @Test
    void aNewCustomerMessage_isAnnouncedToOpenPages() throws Exception {
        String token = hub.post("/api/agents/1/token", Map.of()).json().get("token").asText();
        BlockingQueue<String> lines = stream("Authorization", "Bearer " + token);
        assertThat(awaitLine(lines, "status 200")).isTrue();
        assertThat(awaitLine(lines, "connected")).isTrue();
        long ticketId = hub.inbound("live-1", "Lu", "lu@example.com", "Hello?").json().get("ticketId").asLong();
        assertThat(awaitLine(lines, "{\"ticketId\":" + ticketId + "}")).isTrue();
    }

    /** Reads lines until none came for a while (the announcements of earlier changes are all out). */
    private static void drainUntilQuiet(BlockingQueue<String> lines) throws InterruptedException {
        while (lines.poll(500, TimeUnit.MILLISECONDS) != null) {
            lines.clear();
        }
    }

    @Test
    void aMessageJoiningAnOpenTicket_isAnnouncedToOpenPages() throws Exception {
        String token = hub.post("/api/agents/1/token", Map.of()).json().get("token").asText();
        BlockingQueue<String> lines = stream("Authorization", "Bearer " + token);
        assertThat(awaitLine(lines, "connected")).isTrue();
        long ticketId = hub.inbound("join-1", "Jo", "jo@example.com", "First question").json().get("ticketId").asLong();
        assertThat(awaitLine(lines, "{\"ticketId\":" + ticketId + "}")).isTrue();
        drainUntilQuiet(lines);
        var second = hub.inbound("join-2", "Jo", "jo@example.com", "And a second one").json();
        assertThat(second.get("outcome").asText()).isEqualTo("joined");
        assertThat(second.get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(awaitLine(lines, "{\"ticketId\":" + ticketId + "}")).isTrue();
    }

    @Test
    void aMentionedColleague_isToldLive() throws Exception {
        long colleague = hub.post("/api/agents", Map.of("email", "mo@test.local", "name", "Mo Salah", "password", "blue tractor morning"))
                .json().get("id").asLong();
        String token = hub.post("/api/agents/" + colleague + "/token", Map.of()).json().get("token").asText();
        BlockingQueue<String> lines = stream("Authorization", "Bearer " + token);
        assertThat(awaitLine(lines, "connected")).isTrue();
        long ticketId = hub.inbound("live-2", "Ra", "ra@example.com", "Refund").json().get("ticketId").asLong();
        hub.post("/api/tickets/" + ticketId + "/notes", Map.of("text", "@Mo Salah can you check the refund?"));
        assertThat(awaitLine(lines, "event: mention")).isTrue();
    }

    @Test
    void aStreamWhosePageWentAway_isDroppedByTheHeartbeat() throws Exception {
        String token = hub.post("/api/agents/1/token", Map.of()).json().get("token").asText();
        LiveUpdates live = hub.app.live();
        int before = live.subscriberCount();
        URI uri = URI.create(hub.url("/api/events"));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null && !line.contains("connected"); line = reader.readLine()) {
                // the headers, up to the stream's first comment
            }
            assertThat(live.subscriberCount()).isEqualTo(before + 1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (live.subscriberCount() > before && System.nanoTime() < deadline) {
            live.heartbeat();
            Thread.sleep(100);
        }
        assertThat(live.subscriberCount()).isEqualTo(before);
    }

    @Test
    void withoutLogin_theStreamIsRefused() throws Exception {
        BlockingQueue<String> lines = stream("X-Nothing", "1");
        assertThat(awaitLine(lines, "status 401")).isTrue();
    }
}
