package io.supporthub.hub.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.supporthub.hub.support.PublicRoutesHub;
import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No bad input is a 500: every route the app registers (read from Javalin's router, so routes added later are
 * covered too) gets generated bad path, query and body values, anonymously and as an administrator, and must answer
 * each with a 4xx (or a success), never a 5xx.
 */
class BadInputRoutesTest {

    static PublicRoutesHub hubs;
    static TestHub hub;
    static List<Long> realIds = new ArrayList<>();
    static long adminId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    /** Paths that answered with an event stream: its head is all there is to check, and each one holds a connection. */
    private final java.util.Set<String> streams = new java.util.HashSet<>();
    private String cookie;

    @BeforeAll
    static void start() {
        hubs = new PublicRoutesHub();
        hub = hubs.hub;
        hub.logIn();
        adminId = hub.get("/api/session").json().path("id").asLong();
        for (int i = 0; i < 3; i++) {
            realIds.add(hub.inbound("seed-" + i, "Seed " + i, "seed" + i + "@example.com", "Seed message " + i)
                    .json().path("ticketId").asLong());
        }
        realIds.add(hub.post("/api/agents", Map.of("email", "seeded@example.com", "name", "Seeded",
                "password", "a long enough password 2")).json().path("id").asLong());
        realIds.add(hub.post("/api/types", Map.of("name", "Seeded type")).json().path("id").asLong());
        realIds.add(hub.post("/api/statuses", Map.of("name", "Seeded status", "base", "pending")).json().path("id").asLong());
        realIds.add(hub.post("/api/canned/groups", Map.of("name", "Seeded group")).json().path("id").asLong());
        realIds.removeIf(id -> id == adminId || id == 0);
    }

    @AfterAll
    static void stop() {
        hubs.close();
    }

    @Test
    void no_route_answers_bad_input_with_a_5xx() throws Exception {
        List<Endpoint> endpoints = new ArrayList<>(hub.app.routes().endpoints().stream()
                .filter(e -> e.method.isHttpMethod())
                .toList());
        // Routes that end the caller's session go last, deletions after the rest.
        endpoints.sort(Comparator.comparing((Endpoint e) -> e.path.equals("/api/session") || e.path.equals("/logout"))
                .thenComparing(e -> e.method == HandlerType.DELETE));
        assertThat(endpoints).hasSizeGreaterThan(50);
        cookie = null;
        for (Endpoint endpoint : endpoints) {
            probe(endpoint, false);
        }
        cookie = sessionCookie();
        for (Endpoint endpoint : endpoints) {
            probe(endpoint, true);
        }
        assertThat(failures).as("requests answered with a 5xx").isEmpty();
    }

    private void probe(Endpoint endpoint, boolean admin) throws Exception {
        String method = endpoint.method.name();
        List<String> paths = BadInput.paths(endpoint.path, realIds);
        boolean takesBody = endpoint.method == HandlerType.POST || endpoint.method == HandlerType.PUT
                || endpoint.method == HandlerType.PATCH;
        String found = null;
        for (String path : paths) {
            int status = send(method, path, takesBody ? "{}" : null, admin);
            if (found == null && status != 404) {
                found = path;
            }
        }
        if (!admin || paths.stream().anyMatch(streams::contains)) {
            return;
        }
        String first = found == null ? paths.get(0) : found;
        for (String name : BadInput.QUERY_NAMES) {
            for (String value : BadInput.QUERY_VALUES) {
                send(method, first + BadInput.query(name, value), takesBody ? "{}" : null, true);
            }
        }
        if (!takesBody) {
            return;
        }
        for (String raw : BadInput.RAW_BODIES) {
            send(method, first, raw, true);
        }
        for (Object value : BadInput.fieldValues()) {
            ObjectNode body = BadInput.plausible();
            BadInput.FIELDS.forEach(field -> body.set(field, Json.MAPPER.valueToTree(value)));
            send(method, first, body.toString(), true);
        }
        for (String field : BadInput.FIELDS) {
            for (Object value : BadInput.sharpValues()) {
                ObjectNode body = BadInput.plausible();
                body.set(field, Json.MAPPER.valueToTree(value));
                send(method, first, body.toString(), true);
            }
        }
    }

    /** Sends one request (again once if a kept-alive connection had closed); records a 5xx; gives the status. */
    private int send(String method, String path, String body, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(path))).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (admin) {
            request.header("Cookie", cookie);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException closed) {
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                if (body != null && body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > BodyLimit.LEAST_BYTES) {
                    // A body over its route's limit is answered 413 before it is read, and the connection closed:
                    // a client still writing it may miss the answer (BodyLimitTest reads it over a raw socket).
                    return 413;
                }
                failures.add(BadInput.describe(method, path, body) + " -> no answer: " + e);
                return -1;
            }
        }
        String answer;
        try (InputStream in = response.body()) {
            // An event stream never ends: its head is all there is to check.
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            if (stream) {
                streams.add(path);
            }
            answer = stream ? "" : new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (response.statusCode() >= 500) {
            failures.add(BadInput.describe(method, path, body) + (admin ? " as admin" : " anonymously") + " -> "
                    + response.statusCode() + " " + answer);
        }
        if (admin && response.statusCode() == 401 && !stillLoggedIn()) {
            // The probe ended the session (a logout, a password change): log in again and go on.
            cookie = sessionCookie();
        }
        return response.statusCode();
    }

    private boolean stillLoggedIn() {
        return hub.request("GET", "/api/session", null, Map.of("Cookie", cookie)).status() == 200;
    }

    private String sessionCookie() {
        TestHub.Response login = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD));
        assertThat(login.status()).as("the administrator can still log in: " + login.body()).isEqualTo(200);
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }
}
