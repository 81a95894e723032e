package io.supporthub.hub.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.hub.web.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An agent's page listening to one node's {@code /api/events}: the ids of the tickets it was told changed. */
final class LiveStream implements AutoCloseable {

    final Set<Long> changedTickets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    LiveStream(HubNode node, String sessionCookie) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/events")))
                .header("Cookie", sessionCookie).header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> answer.body().forEach(this::read));
        if (!connected.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream of " + node.name + " did not open");
        }
    }

    private void read(String line) {
        if (line.startsWith(":")) {
            connected.countDown();
        } else if (line.startsWith("data:")) {
            try {
                JsonNode data = Json.MAPPER.readTree(line.substring("data:".length()));
                if (data.has("ticketId")) {
                    changedTickets.add(data.get("ticketId").asLong());
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable event " + line, e);
            }
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
