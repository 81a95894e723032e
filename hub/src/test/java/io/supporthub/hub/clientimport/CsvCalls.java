package io.supporthub.hub.clientimport;

import io.supporthub.hub.support.TestHub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * CSV uploads and downloads on a logged-in test hub, with the API token of an employee of a role (the first
 * administrator's own, or a new employee's).
 */
final class CsvCalls {

    private final TestHub hub;
    private final HttpClient http = HttpClient.newHttpClient();
    final String adminToken;

    CsvCalls(TestHub hub) {
        this.hub = hub;
        hub.logIn();
        long adminId = hub.get("/api/session").json().get("id").asLong();
        adminToken = hub.post("/api/agents/" + adminId + "/token", Map.of()).json().get("token").asText();
    }

    TestHub.Response upload(String csv) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", adminToken);
    }

    TestHub.Response upload(byte[] body, String contentType, String token) {
        return send(HttpRequest.newBuilder(URI.create(hub.url("/api/import/contacts")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType), token);
    }

    TestHub.Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(hub.url(path))).GET(), token);
    }

    private TestHub.Response send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new TestHub.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An API token of a new employee with the role. */
    String tokenOf(String role) {
        TestHub.Response created = hub.post("/api/agents", Map.of("email", role + "@test.local", "name", "A " + role,
                "password", "a long enough password " + role, "role", role));
        long id = created.json().get("id").asLong();
        return hub.post("/api/agents/" + id + "/token", Map.of()).json().get("token").asText();
    }
}
