package io.supporthub.channels.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback Viber REST bot API speaking Viber's wire format, for tests here and in the hub (channels test-jar).
 *
 * <pre>{@code
 * try (FakeViberApi viber = FakeViberApi.start("token")) {
 *     ViberSettings settings = viber.settings(URI.create("http://127.0.0.1:" + hubPort));
 *     ... send, then viber.messagesTo("userId=") ...
 *     viber.postCallback(settings.webhookUrl(), "{\"event\":\"message\",...}"); // signed like Viber
 * }
 * }</pre>
 *
 * <p>Methods under {@link #apiUrl()}: {@code set_webhook} (calls the URL back with a signed {@code webhook} event,
 * as Viber does, and fails with status 1 unless it gets a 200), {@code send_message} (checks
 * {@code X-Viber-Auth-Token}, records the message per receiver, answers a 64-bit {@code message_token} above 2^53),
 * {@code get_account_info}; media served at {@link #putMedia}. Failures are programmable by Viber status or HTTP
 * status.
 */
public final class FakeViberApi implements AutoCloseable {

    /** One request the fake received. */
    public record RecordedRequest(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The first value of a header, its name compared case-insensitively, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    private record Failure(int viberStatus, String statusMessage, int httpStatus) {
    }

    /** A queued answer that is no failure: the send is answered as usual. */
    private static final Failure PASS = new Failure(0, "ok", 200);

    private record Media(String contentType, byte[] content, int httpStatus, String location) {
    }

    /** The first message_token handed out: above 2^53, so a double would change it. */
    public static final long FIRST_TOKEN = 5_058_590_812_907_389_764L;

    private final ObjectMapper json = new ObjectMapper();
    private final String authToken;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong nextToken = new AtomicLong(FIRST_TOKEN);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonNode>> messages = new ConcurrentHashMap<>();
    private final Map<String, Failure> receiverFailures = new ConcurrentHashMap<>();
    private final Deque<Failure> sendFailures = new ArrayDeque<>();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private volatile boolean callWebhookBack = true;
    private CountDownLatch heldSend;
    private String heldText;
    private volatile Failure setWebhookFailure;
    private volatile URI webhook;
    private volatile List<String> eventTypes = List.of();

    private FakeViberApi(String authToken) throws IOException {
        this.authToken = authToken;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/pa/", this::api);
        server.createContext("/media/", this::media);
        server.start();
    }

    /** Starts a fake for the bot with this auth token on a free loopback port. */
    public static FakeViberApi start(String authToken) {
        try {
            return new FakeViberApi(authToken);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake Viber API", e);
        }
    }

    public String authToken() {
        return authToken;
    }

    /** The API base to put in {@link ViberSettings#apiUrl()} ({@code VIBER_API_URL}). */
    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pa");
    }

    /** Settings for a bot named "Support" that talks to this fake. */
    public ViberSettings settings(URI publicUrl) {
        return new ViberSettings(authToken, "Support", null, apiUrl(), publicUrl, ViberSettings.DEFAULT_MAX_FILE_BYTES);
    }

    // ---- programming --------------------------------------------------------------------------------------------

    /** Whether set_webhook calls the URL back before answering (default true, as Viber does). */
    public void callWebhookBack(boolean call) {
        this.callWebhookBack = call;
    }

    /** The next send_message answers this Viber status; calls queue up. */
    public synchronized void failNextSend(int viberStatus, String statusMessage) {
        sendFailures.add(new Failure(viberStatus, statusMessage, 200));
    }

    /**
     * Holds the answer to the first send_message whose text contains {@code text} until the returned latch is counted
     * down (or 30 s pass): a send in flight at a chosen moment. Other sends pass meanwhile.
     */
    public synchronized CountDownLatch holdSendOf(String text) {
        CountDownLatch release = new CountDownLatch(1);
        heldSend = release;
        heldText = text;
        return release;
    }

    /** The next send_message is answered as usual, before the failures queued after it. */
    public synchronized void passNextSend() {
        sendFailures.add(PASS);
    }

    /** The next send_message answers this HTTP status with no Viber JSON. */
    public synchronized void failNextSendWithHttp(int httpStatus) {
        sendFailures.add(new Failure(0, null, httpStatus));
    }

    /** Every send_message to this receiver answers this status (5 not registered, 6 not subscribed...). */
    public void failSendsTo(String receiver, int viberStatus, String statusMessage) {
        receiverFailures.put(receiver, new Failure(viberStatus, statusMessage, 200));
    }

    /** set_webhook answers this status from now on. */
    public void failSetWebhook(int viberStatus, String statusMessage) {
        setWebhookFailure = new Failure(viberStatus, statusMessage, 200);
    }

    /** Serves bytes at {@code /media/<fileName>}; returns that URL, to put in a callback's {@code media}. */
    public URI putMedia(String fileName, String contentType, byte[] content) {
        media.put(fileName, new Media(contentType, content, 200, null));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/media/" + fileName);
    }

    /** {@code /media/<fileName>} answers this HTTP status (404 for an expired link, 500 for a passing failure). */
    public URI failMedia(String fileName, int httpStatus) {
        media.put(fileName, new Media("text/plain", new byte[0], httpStatus, null));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/media/" + fileName);
    }

    /** {@code /media/<fileName>} redirects (302) to another URL, as Viber's media links redirect to its CDN. */
    public URI redirectMedia(String fileName, URI target) {
        media.put(fileName, new Media("text/plain", new byte[0], 302, target.toString()));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/media/" + fileName);
    }

    // ---- inspection ---------------------------------------------------------------------------------------------

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The send_message bodies to one receiver, in order. */
    public List<JsonNode> messagesTo(String receiver) {
        return List.copyOf(messages.getOrDefault(receiver, List.of()));
    }

    /** The URL of the last successful set_webhook, or null. */
    public URI webhook() {
        return webhook;
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    // ---- acting as Viber ----------------------------------------------------------------------------------------

    /** The signature Viber puts in {@code X-Viber-Content-Signature}: hex HMAC-SHA256 of the body with the token. */
    public static String sign(String authToken, byte[] body) {
        return new ViberSignatureVerifier(authToken).sign(body);
    }

    /** POSTs a callback to the hub's webhook, signed as Viber signs it. */
    public HttpResponse<String> postCallback(URI webhookUrl, String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(webhookUrl)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(ViberSignatureVerifier.HEADER, sign(authToken, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh message token, as Viber would give one. */
    public long nextToken() {
        return nextToken.getAndIncrement();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP handlers ------------------------------------------------------------------------------------------

    private void api(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestURI().getPath().substring("/pa/".length());
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"error\":\"POST only\"}");
                return;
            }
            if (!authToken.equals(exchange.getRequestHeaders().getFirst(ViberApi.AUTH_HEADER))) {
                respond(exchange, 200, status(ViberStatus.INVALID_AUTH_TOKEN, "invalidAuthToken"));
                return;
            }
            JsonNode request;
            try {
                request = json.readTree(body);
            } catch (IOException badJson) {
                respond(exchange, 200, status(ViberStatus.BAD_DATA, "badData"));
                return;
            }
            switch (method) {
                case "set_webhook" -> setWebhook(exchange, request);
                case "send_message" -> sendMessage(exchange, request);
                case "get_account_info" -> accountInfo(exchange);
                default -> respond(exchange, 404, "{\"error\":\"no method " + method + "\"}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setWebhook(HttpExchange exchange, JsonNode request) throws IOException, InterruptedException {
        Failure failure = setWebhookFailure;
        if (failure != null) {
            respond(exchange, 200, status(failure.viberStatus(), failure.statusMessage()));
            return;
        }
        String url = request.path("url").asText("");
        if (url.isEmpty()) {
            respond(exchange, 200, status(ViberStatus.MISSING_DATA, "missingData"));
            return;
        }
        if (callWebhookBack) {
            String check = "{\"event\":\"webhook\",\"timestamp\":" + System.currentTimeMillis()
                    + ",\"chat_hostname\":\"SN-FAKE_\",\"message_token\":" + nextToken() + "}";
            int answered;
            try {
                answered = postCallback(URI.create(url), check).statusCode();
            } catch (IOException unreachable) {
                respond(exchange, 200, status(ViberStatus.INVALID_URL, "Result[HttpResponse[url=" + url
                        + ", failure=" + unreachable + "]]"));
                return;
            }
            if (answered != 200) {
                respond(exchange, 200, status(ViberStatus.INVALID_URL, "Result[HttpResponse[url=" + url
                        + ", status=" + answered + "]]"));
                return;
            }
        }
        webhook = URI.create(url);
        List<String> types = new ArrayList<>();
        request.path("event_types").forEach(t -> types.add(t.asText()));
        eventTypes = List.copyOf(types);
        ObjectNode answer = statusNode(ViberStatus.OK, "ok");
        ArrayNode echoed = answer.putArray("event_types");
        types.forEach(echoed::add);
        respond(exchange, 200, json.writeValueAsString(answer));
    }

    private void sendMessage(HttpExchange exchange, JsonNode request) throws IOException, InterruptedException {
        CountDownLatch hold;
        synchronized (this) {
            hold = heldSend != null && request.path("text").asText("").contains(heldText) ? heldSend : null;
            if (hold != null) {
                heldSend = null;
            }
        }
        if (hold != null) {
            hold.await(30, TimeUnit.SECONDS);
        }
        Failure failure;
        synchronized (this) {
            failure = sendFailures.poll();
        }
        if (failure == PASS) {
            failure = null;
        }
        String receiver = request.path("receiver").asText("");
        if (failure == null) {
            failure = receiverFailures.get(receiver);
        }
        if (failure != null && failure.httpStatus() != 200) {
            respond(exchange, failure.httpStatus(), "<html><body>upstream error</body></html>");
            return;
        }
        if (failure != null) {
            respond(exchange, 200, status(failure.viberStatus(), failure.statusMessage()));
            return;
        }
        if (receiver.isEmpty() || !request.path("sender").path("name").isTextual()) {
            respond(exchange, 200, status(ViberStatus.MISSING_DATA, "missingData"));
            return;
        }
        messages.computeIfAbsent(receiver, r -> new CopyOnWriteArrayList<>()).add(request);
        respond(exchange, 200, "{\"status\":0,\"status_message\":\"ok\",\"message_token\":" + nextToken()
                + ",\"chat_hostname\":\"SN-FAKE_\",\"billing_status\":1}");
    }

    private void accountInfo(HttpExchange exchange) throws IOException {
        ObjectNode answer = statusNode(ViberStatus.OK, "ok");
        answer.put("id", "pa:5058590812907389764");
        answer.put("name", "Support");
        answer.put("uri", "supporthub");
        answer.put("category", "Business");
        answer.put("webhook", webhook == null ? "" : webhook.toString());
        ArrayNode types = answer.putArray("event_types");
        eventTypes.forEach(types::add);
        answer.put("subscribers_count", messages.size());
        respond(exchange, 200, json.writeValueAsString(answer));
    }

    private void media(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/media/".length());
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), new byte[0]));
            Media file = media.get(name);
            if (file != null && file.location() != null) {
                exchange.getResponseHeaders().set("Location", file.location());
            }
            if (file == null || file.httpStatus() != 200) {
                exchange.sendResponseHeaders(file == null ? 404 : file.httpStatus(), -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", file.contentType());
            exchange.sendResponseHeaders(200, file.content().length == 0 ? -1 : file.content().length);
            exchange.getResponseBody().write(file.content());
        }
    }

    private String status(int status, String message) throws IOException {
        return json.writeValueAsString(statusNode(status, message));
    }

    private ObjectNode statusNode(int status, String message) {
        ObjectNode node = json.createObjectNode();
        node.put("status", status);
        node.put("status_message", message);
        return node;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
