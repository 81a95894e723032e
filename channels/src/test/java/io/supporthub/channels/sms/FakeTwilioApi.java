package io.supporthub.channels.sms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.supporthub.channels.sms.FakeTwilioMessages.StoredMessage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for Twilio's REST API (2010-04-01 Messages resource), speaking its wire format: form-encoded
 * creates, JSON message resources and pages, errors as {@code {"code","message","more_info","status"}}, HTTP basic
 * auth. MMS media are served like Twilio's: the API URL answers a redirect to a second "storage" server that wants no
 * credentials. Every request is recorded.
 *
 * <pre>
 * try (FakeTwilioApi twilio = FakeTwilioApi.start("AC123", "token")) {
 *     TwilioSettings settings = twilio.settings("+15550001111", "https://hub.example.com");
 *     twilio.failNextCreate(400, 21211, "The 'To' number +1 is not a valid phone number.");
 *     String mediaUrl = twilio.addMedia("MM1", bytes, "image/jpeg");
 *     twilio.addInbound("+15551234567", "+15550001111", "hello", Instant.now());
 * }
 * </pre>
 */
public final class FakeTwilioApi implements AutoCloseable {

    /** One request as the fake received it. */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> form,
                                  String authorization) {
    }

    /** A message created through {@code POST .../Messages.json}. */
    public record SentMessage(String sid, String to, String from, String messagingServiceSid, String body,
                              String statusCallback) {
    }

    private record Failure(int status, int code, String message) {
    }

    /** An optional first segment names the client (a base URL {@code baseUrl() + "/node-a"}), for {@link #holdCreates}. */
    private static final Pattern ACCOUNT_PATH = Pattern.compile("(/[^/]+)?/2010-04-01/Accounts/([^/]+)(/.*)");
    /** The account itself ({@code GET .../Accounts/{sid}.json}): the connection test's fetch. */
    private static final Pattern ACCOUNT_ITSELF = Pattern.compile("(/[^/]+)?/2010-04-01/Accounts/([^/]+)\\.json");
    private static final Pattern MEDIA_LIST = Pattern.compile("/Messages/([^/]+)/Media\\.json");
    private static final Pattern MEDIA_ITEM = Pattern.compile("/Messages/([^/]+)/Media/([^/.]+)");

    private final String accountSid;
    private final String authToken;
    private final HttpServer api;
    private final HttpServer storage;
    private final FakeTwilioMessages messages;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> storageRequests = new CopyOnWriteArrayList<>();
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private volatile String heldClient;
    private volatile CountDownLatch release = new CountDownLatch(0);
    private final AtomicInteger held = new AtomicInteger();

    private FakeTwilioApi(String accountSid, String authToken) throws IOException {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.storage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.messages = new FakeTwilioMessages(accountSid);
        api.createContext("/", this::handleApi);
        storage.createContext("/", this::handleStorage);
        api.start();
        storage.start();
    }

    /** Starts the fake on free loopback ports for an account SID and auth token. */
    public static FakeTwilioApi start(String accountSid, String authToken) {
        try {
            return new FakeTwilioApi(accountSid, authToken);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Twilio API", e);
        }
    }

    /** The API base URL, to use as {@code TWILIO_API_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    /** Settings for this fake: sending from {@code fromNumber}, webhooks signed for {@code publicUrl}. */
    public TwilioSettings settings(String fromNumber, String publicUrl) {
        return new TwilioSettings(accountSid, authToken, fromNumber, null, baseUrl(), publicUrl, null,
                publicUrl + TwilioSettings.STATUS_PATH);
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Requests that reached the media storage server (they must carry no credentials). */
    public List<RecordedRequest> storageRequests() {
        return List.copyOf(storageRequests);
    }

    public List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    /** The next message create fails with this HTTP status and Twilio error; calls queue up. */
    public synchronized void failNextCreate(int httpStatus, int code, String message) {
        failures.add(new Failure(httpStatus, code, message));
    }

    /** Creates to this number fail with 21610, as after the customer replied STOP. */
    public void optOut(String number) {
        optedOut.add(number);
    }

    /**
     * Message creates from the client whose base URL ends in {@code "/" + client} wait, unanswered, until
     * {@link #releaseCreates}: they are then taken as usual, whether or not their client still listens (the case of a
     * node killed mid-send). The fake answers one request at a time, so every other request waits behind them.
     */
    public void holdCreates(String client) {
        release = new CountDownLatch(1);
        heldClient = "/" + client;
    }

    public void releaseCreates() {
        heldClient = null;
        release.countDown();
    }

    /** How many creates {@link #holdCreates} has held so far. */
    public int heldCreates() {
        return held.get();
    }

    private void awaitRelease(String client, String rest, String method) {
        if (client == null || !client.equals(heldClient) || !rest.equals("/Messages.json") || !method.equals("POST")) {
            return;
        }
        held.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stores media for a message and returns its URL as a webhook's MediaUrlN carries it. */
    public String addMedia(String messageSid, byte[] content, String contentType) {
        String mediaSid = messages.addMedia(messageSid, content, contentType);
        return baseUrl() + "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid + "/Media/" + mediaSid;
    }

    /** An inbound message in the account's log (for reconciliation); returns its SID. */
    public String addInbound(String from, String to, String body, Instant dateSent) {
        return messages.add("inbound", from, to, null, body, "received", dateSent).sid();
    }

    /** Rows per page of message lists, whatever PageSize the client asks (to exercise paging). */
    public void pageSize(int rows) {
        messages.forcePageSize(rows);
    }

    @Override
    public void close() {
        api.stop(0);
        storage.stop(0);
    }

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            Map<String, List<String>> form = TwilioForm.parse(body);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), path, query, form, auth));
            if (!authorized(auth)) {
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            Matcher itself = ACCOUNT_ITSELF.matcher(path);
            if (itself.matches() && exchange.getRequestMethod().equals("GET")) {
                if (!itself.group(2).equals(accountSid)) {
                    error(exchange, 404, 20404, "The requested resource " + path + " was not found");
                } else {
                    json(exchange, 200, "{\"sid\": \"" + accountSid + "\", \"friendly_name\": \"Fake support account\", "
                            + "\"status\": \"active\", \"type\": \"Full\"}");
                }
                return;
            }
            Matcher account = ACCOUNT_PATH.matcher(path);
            if (!account.matches() || !account.group(2).equals(accountSid)) {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
                return;
            }
            awaitRelease(account.group(1), account.group(3), exchange.getRequestMethod());
            route(exchange, account.group(3), query, form);
        }
    }

    private void route(HttpExchange exchange, String rest, String query, Map<String, List<String>> form)
            throws IOException {
        String method = exchange.getRequestMethod();
        Matcher mediaList = MEDIA_LIST.matcher(rest);
        Matcher mediaItem = MEDIA_ITEM.matcher(rest);
        if (rest.equals("/Messages.json") && method.equals("POST")) {
            create(exchange, form);
        } else if (rest.equals("/Messages.json") && method.equals("GET")) {
            json(exchange, 200, messages.page(TwilioForm.parse(query == null ? "" : query)));
        } else if (mediaList.matches() && method.equals("GET")) {
            json(exchange, 200, messages.mediaPage(mediaList.group(1)));
        } else if (mediaItem.matches() && method.equals("GET") && messages.hasMedia(mediaItem.group(2))) {
            exchange.getResponseHeaders().add("Location",
                    "http://127.0.0.1:" + storage.getAddress().getPort() + "/media/" + mediaItem.group(2));
            exchange.sendResponseHeaders(307, -1);
        } else {
            error(exchange, 404, 20404, "The requested resource " + rest + " was not found");
        }
    }

    private void create(HttpExchange exchange, Map<String, List<String>> form) throws IOException {
        Failure failure;
        synchronized (this) {
            failure = failures.poll();
        }
        String to = TwilioForm.first(form, "To");
        String from = TwilioForm.first(form, "From");
        String service = TwilioForm.first(form, "MessagingServiceSid");
        String body = TwilioForm.raw(form, "Body");
        if (failure != null) {
            error(exchange, failure.status(), failure.code(), failure.message());
        } else if (to == null) {
            error(exchange, 400, 21604, "A 'To' phone number is required.");
        } else if (!to.matches("\\+[1-9]\\d{4,14}")) {
            error(exchange, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
        } else if (from == null && service == null) {
            error(exchange, 400, 21603, "A 'From' phone number is required.");
        } else if (body == null || body.isEmpty()) {
            error(exchange, 400, 21602, "Message body is required.");
        } else if (optedOut.contains(to)) {
            error(exchange, 400, 21610, "Attempt to send to unsubscribed recipient");
        } else {
            StoredMessage message = messages.add("outbound-api", from, to, service, body, "queued", null);
            sent.add(new SentMessage(message.sid(), to, from, service, body, TwilioForm.first(form, "StatusCallback")));
            json(exchange, 201, messages.json(message));
        }
    }

    private void handleStorage(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            storageRequests.add(new RecordedRequest(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawQuery(), Map.of(),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            FakeTwilioMessages.StoredMedia media = messages.media(path.substring(path.lastIndexOf('/') + 1));
            if (media == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", media.contentType());
            exchange.sendResponseHeaders(200, media.content().length);
            exchange.getResponseBody().write(media.content());
        }
    }

    private boolean authorized(String header) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        return expected.equals(header);
    }

    private void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        json(exchange, status, messages.error(status, code, message));
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
