package io.supporthub.hub.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What a load balancer in front of the nodes does: each request to the next node in turn, and a request that failed
 * (no connection, a connection cut, a 5xx) to the next one, until one answers. Every failure is recorded with the node
 * it happened on and its kind.
 */
final class LoadBalancer {

    /** An answer and the node that gave it. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers, HubNode node) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A request that did not get an answer from a node. */
    record Failure(String node, String kind, Instant at) {
    }

    static final String CONNECTION_ERROR = "connection error";

    private final List<HubNode> nodes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();

    LoadBalancer(List<HubNode> nodes) {
        this.nodes = nodes;
    }

    /** Sends to the nodes in turn until one answers below 500; gives up after a minute of failures. */
    Answer send(Function<URI, HttpRequest> request) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            Optional<Answer> answer = sendOnce(request);
            if (answer.isPresent()) {
                return answer.get();
            }
            // A provider's retry, and a balancer's, comes after a short pause.
            Thread.sleep(20);
        }
        throw new IllegalStateException("no node answered for a minute; failures: " + failures);
    }

    /** One try on the next node: empty when it failed (the failure is recorded). */
    Optional<Answer> sendOnce(Function<URI, HttpRequest> request) throws InterruptedException {
        HubNode node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        return sendTo(node, request);
    }

    Optional<Answer> sendTo(HubNode node, Function<URI, HttpRequest> request) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request.apply(URI.create(node.url(""))),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                failures.add(new Failure(node.name, "HTTP " + response.statusCode() + ": " + response.body(), Instant.now()));
                return Optional.empty();
            }
            return Optional.of(new Answer(response.statusCode(), response.body(), response.headers(), node));
        } catch (IOException e) {
            failures.add(new Failure(node.name, CONNECTION_ERROR, Instant.now()));
            return Optional.empty();
        }
    }
}
