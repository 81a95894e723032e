package io.supporthub.channels.viber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Viber's REST bot API over java.net.http: POST {@code <apiUrl>/<method>} with JSON and the
 * {@code X-Viber-Auth-Token} header; every answer is HTTP 200 with a {@code status} field.
 */
public final class ViberApi {

    public static final String AUTH_HEADER = "X-Viber-Auth-Token";

    private final ViberSettings settings;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public ViberApi(ViberSettings settings, HttpClient http, Duration timeout) {
        this.settings = settings;
        this.http = http;
        this.timeout = timeout;
    }

    public ViberApi(ViberSettings settings, HttpClient http) {
        this(settings, http, Duration.ofSeconds(30));
    }

    public ViberSettings settings() {
        return settings;
    }

    /**
     * Registers the webhook. Viber POSTs a signed {@code webhook} event to {@code url} before it answers, and
     * fails the registration unless that call gets a 200: call this only once the server listens.
     */
    public ViberResponse setWebhook(URI url, List<String> eventTypes, boolean sendName, boolean sendPhoto)
            throws IOException, InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("url", url.toString());
        eventTypes.forEach(body.putArray("event_types")::add);
        body.put("send_name", sendName);
        body.put("send_photo", sendPhoto);
        return call("set_webhook", body);
    }

    /** Sends one message; the body is Viber's send_message JSON. */
    public ViberResponse sendMessage(ObjectNode body) throws IOException, InterruptedException {
        return call("send_message", body);
    }

    /** The bot's account: id, name, uri, webhook, event_types, subscribers_count... */
    public ViberResponse getAccountInfo() throws IOException, InterruptedException {
        return call("get_account_info", json.createObjectNode());
    }

    /**
     * Calls one API method.
     *
     * @throws ViberHttpException an HTTP error status or an answer that is not Viber's JSON
     * @throws IOException        the API could not be reached
     */
    public ViberResponse call(String method, ObjectNode body) throws IOException, InterruptedException {
        URI uri = settings.method(method);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(AUTH_HEADER, settings.authToken())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new ViberHttpException(response.statusCode(), "Viber " + method + " answered HTTP "
                    + response.statusCode() + ": " + abbreviate(response.body()));
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ViberHttpException(response.statusCode(), "Viber " + method + " answered something that is not JSON: "
                    + abbreviate(response.body()));
        }
        if (answer == null || !answer.path("status").canConvertToInt()) {
            throw new ViberHttpException(response.statusCode(), "Viber " + method + " answered without a status: "
                    + abbreviate(response.body()));
        }
        JsonNode message = answer.get("status_message");
        return new ViberResponse(answer.get("status").asInt(), message == null ? null : message.asText(), answer);
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
