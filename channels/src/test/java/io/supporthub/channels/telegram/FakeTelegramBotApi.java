package io.supporthub.channels.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback Telegram Bot API for tests, speaking the real wire format: {@code {"ok":true,"result":...}} and
 * {@code {"ok":false,"error_code":..,"description":..,"parameters":{"retry_after":..}}} with the matching HTTP
 * status. Method paths match case-insensitively ({@code /bot<token>/sendmessage}); parameters come as query,
 * form, JSON or multipart (files as their own part or referenced with {@code attach://<name>});
 * {@code chat_id} as string or number.
 *
 * <p>Implements getMe, setWebhook, deleteWebhook, getUpdates (from a queue the test fills, honouring offset and
 * long-poll timeout; 409 while a webhook is set), sendMessage, sendPhoto, sendDocument, answerCallbackQuery,
 * getFile and {@code /file/bot<token>/<path>} downloads. Every call is recorded; {@link #failNext} makes the next
 * calls of a method fail with a given error.
 *
 * <pre>{@code
 * try (FakeTelegramBotApi telegram = FakeTelegramBotApi.start()) {
 *     TelegramSettings settings = telegram.settings();
 *     telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 1", 1);
 *     ... send ...
 *     assertThat(telegram.messagesTo(42)).extracting(SentMessage::text).containsExactly("Hello");
 * }
 * }</pre>
 */
public final class FakeTelegramBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token_for_the_fake";
    public static final String SECRET = "fake-webhook-secret";

    /** A file sent to us in multipart. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** One recorded request: the method as called (original case) and its parameters. */
    public record Call(String method, Map<String, String> params, Map<String, Upload> files) {

        public String param(String name) {
            return params.get(name);
        }
    }

    /** A message the bot sent, as Telegram stored it. {@code text} is the text or the caption. */
    public record SentMessage(long chatId, long messageId, String method, String text, Upload file, String replyMarkup) {
    }

    private record Failure(int errorCode, String description, Integer retryAfter) {
    }

    /** A queued answer that is no failure: the call is answered as usual. */
    private static final Failure PASS = new Failure(0, "pass", null);

    private record StoredFile(String filePath, byte[] content, long size) {
    }

    private final String token;
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Call> calls = new ArrayList<>();
    private final List<SentMessage> sent = new ArrayList<>();
    private final Deque<JsonNode> updates = new ArrayDeque<>();
    private final Map<Long, String> rawUpdates = new HashMap<>();
    private final Map<String, Deque<Failure>> failures = new HashMap<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<Long, Long> lastMessageId = new HashMap<>();
    private long nextUpdateId = 1;
    private long lastOffset;
    private String webhookUrl;
    private String webhookSecret;
    private String webhookAllowedUpdates;
    private boolean closed;

    private FakeTelegramBotApi(String token) throws IOException {
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-telegram");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeTelegramBotApi start() throws IOException {
        return new FakeTelegramBotApi(TOKEN);
    }

    public static FakeTelegramBotApi start(String token) throws IOException {
        return new FakeTelegramBotApi(token);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    /** Polling-mode settings pointing at this fake, with {@link #SECRET} as webhook secret. */
    public TelegramSettings settings() {
        return new TelegramSettings(token, SECRET, TelegramSettings.Mode.POLLING, baseUrl(), false,
                TelegramSettings.BOT_API_DOWNLOAD_LIMIT);
    }

    // ---- programming the fake ----

    /** Queues an update for getUpdates; an update without update_id gets the next one. Returns its update_id. */
    public synchronized long addUpdate(String json) {
        try {
            ObjectNode update = (ObjectNode) mapper.readTree(json);
            if (!update.has("update_id")) {
                update.put("update_id", nextUpdateId);
            }
            long id = update.get("update_id").asLong();
            nextUpdateId = Math.max(nextUpdateId, id + 1);
            updates.add(update);
            notifyAll();
            return id;
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    /**
     * Queues an update for getUpdates that is served byte for byte as given (its spacing, its escapes), as the real Bot
     * API's own writing differs from ours; it must carry its update_id. Returns it.
     */
    public synchronized long addRawUpdate(String json) {
        long id = addUpdate(json);
        rawUpdates.put(id, json);
        return id;
    }

    /** A file getFile and the download serve; {@code declaredSize} over 20 MB makes getFile answer "file is too big". */
    public synchronized void addFile(String fileId, String filePath, byte[] content, long declaredSize) {
        files.put(fileId, new StoredFile(filePath, content, declaredSize));
    }

    public void addFile(String fileId, String filePath, byte[] content) {
        addFile(fileId, filePath, content, content.length);
    }

    /** The next {@code times} calls of {@code method} (any case) answer this error. */
    public synchronized void failNext(String method, int times, int errorCode, String description, Integer retryAfter) {
        Deque<Failure> queue = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(new Failure(errorCode, description, retryAfter));
        }
    }

    public void failNext(String method, int times, int errorCode, String description) {
        failNext(method, times, errorCode, description, null);
    }

    /**
     * The next {@code times} calls of {@code method} answer as usual, before the failures queued after this: with
     * {@code passNext("sendMessage", 1)} then {@code failNext("sendMessage", 1, ...)} the second call fails.
     */
    public synchronized void passNext(String method, int times) {
        Deque<Failure> queue = failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(PASS);
        }
    }

    // ---- what happened ----

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    public synchronized List<SentMessage> sentMessages() {
        return List.copyOf(sent);
    }

    public synchronized List<SentMessage> messagesTo(long chatId) {
        return sent.stream().filter(m -> m.chatId() == chatId).toList();
    }

    /** The highest offset a getUpdates call confirmed (updates below it are gone from the queue). */
    public synchronized long lastOffset() {
        return lastOffset;
    }

    public synchronized String webhookUrl() {
        return webhookUrl;
    }

    public synchronized String webhookSecret() {
        return webhookSecret;
    }

    /** allowed_updates as given to setWebhook (a JSON array text). */
    public synchronized String webhookAllowedUpdates() {
        return webhookAllowedUpdates;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String filePrefix = "/file/bot" + token + "/";
            if (path.startsWith(filePrefix)) {
                download(exchange, path.substring(filePrefix.length()));
                return;
            }
            String[] segments = path.split("/");
            if (segments.length != 3 || !segments[1].startsWith("bot")) {
                reply(exchange, error(404, "Not Found", null));
                return;
            }
            if (!segments[1].substring(3).equals(token)) {
                reply(exchange, error(401, "Unauthorized", null));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            FakeBotApiRequest.Parsed request = FakeBotApiRequest.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, mapper);
            reply(exchange, answer(segments[2], request));
        }
    }

    private ObjectNode answer(String method, FakeBotApiRequest.Parsed request) {
        String name = method.toLowerCase(Locale.ROOT);
        Failure failure;
        synchronized (this) {
            calls.add(new Call(method, Map.copyOf(request.params()), Map.copyOf(request.files())));
            Deque<Failure> queue = failures.get(name);
            failure = queue == null ? null : queue.poll();
        }
        if (failure != null && failure != PASS) {
            return error(failure.errorCode(), failure.description(), failure.retryAfter());
        }
        Map<String, String> p = request.params();
        return switch (name) {
            case "getme" -> ok(mapper.createObjectNode().put("id", botId()).put("is_bot", true)
                    .put("first_name", "Support").put("username", "support_test_bot"));
            case "setwebhook" -> setWebhook(p);
            case "deletewebhook" -> {
                synchronized (this) {
                    webhookUrl = null;
                }
                yield ok(mapper.getNodeFactory().booleanNode(true));
            }
            case "getupdates" -> getUpdates(p);
            case "sendmessage" -> sendMessage(p);
            case "sendphoto" -> sendFile("sendPhoto", "photo", p, request.files());
            case "senddocument" -> sendFile("sendDocument", "document", p, request.files());
            case "answercallbackquery" -> p.containsKey("callback_query_id") ? ok(mapper.getNodeFactory().booleanNode(true))
                    : error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid", null);
            case "getfile" -> getFile(p.get("file_id"));
            default -> error(404, "Not Found", null);
        };
    }

    private synchronized ObjectNode setWebhook(Map<String, String> p) {
        String url = p.getOrDefault("url", "");
        if (!url.isEmpty() && !url.startsWith("https://")) {
            return error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook", null);
        }
        webhookUrl = url.isEmpty() ? null : url;
        webhookSecret = p.get("secret_token");
        webhookAllowedUpdates = p.get("allowed_updates");
        return ok(mapper.getNodeFactory().booleanNode(true));
    }

    private synchronized ObjectNode getUpdates(Map<String, String> p) {
        if (webhookUrl != null) {
            return error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first", null);
        }
        long offset = Long.parseLong(p.getOrDefault("offset", "0"));
        int limit = Integer.parseInt(p.getOrDefault("limit", "100"));
        long timeoutMillis = Long.parseLong(p.getOrDefault("timeout", "0")) * 1000;
        if (offset > 0) {
            lastOffset = Math.max(lastOffset, offset);
            updates.removeIf(u -> u.get("update_id").asLong() < offset);
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (updates.isEmpty() && !closed && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ArrayNode result = mapper.createArrayNode();
        updates.stream().limit(limit).forEach(update -> {
            String raw = rawUpdates.get(update.get("update_id").asLong());
            if (raw == null) {
                result.add(update);
            } else {
                result.addRawValue(new RawValue(raw));
            }
        });
        return ok(result);
    }

    private ObjectNode sendMessage(Map<String, String> p) {
        Long chatId = chatId(p.get("chat_id"));
        String text = p.get("text");
        if (chatId == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        if (text == null || text.isBlank()) {
            return error(400, "Bad Request: message text is empty", null);
        }
        if (text.length() > 4096) {
            return error(400, "Bad Request: message is too long", null);
        }
        ObjectNode message = store(chatId, "sendMessage", text, null, p.get("reply_markup"));
        return ok(message.put("text", text));
    }

    private ObjectNode sendFile(String method, String field, Map<String, String> p, Map<String, Upload> uploads) {
        Long chatId = chatId(p.get("chat_id"));
        if (chatId == null) {
            return error(400, "Bad Request: chat not found", null);
        }
        String reference = p.getOrDefault(field, "");
        Upload upload = reference.startsWith("attach://") ? uploads.get(reference.substring("attach://".length()))
                : uploads.get(field);
        if (upload == null && (reference.isEmpty() || reference.startsWith("attach://"))) {
            return error(400, "Bad Request: there is no " + field + " in the request", null);
        }
        String caption = p.get("caption");
        ObjectNode message = store(chatId, method, caption, upload, p.get("reply_markup"));
        long size = upload == null ? 0 : upload.content().length;
        ObjectNode file = mapper.createObjectNode().put("file_id", "sent-" + message.get("message_id").asLong())
                .put("file_unique_id", "u" + message.get("message_id").asLong()).put("file_size", size);
        if (field.equals("photo")) {
            message.set("photo", mapper.createArrayNode().add(file.put("width", 100).put("height", 100)));
        } else {
            message.set("document", file.put("file_name", upload == null ? "document" : upload.fileName()));
        }
        if (caption != null) {
            message.put("caption", caption);
        }
        return ok(message);
    }

    private synchronized ObjectNode store(long chatId, String method, String text, Upload upload, String replyMarkup) {
        long messageId = lastMessageId.merge(chatId, 1L, Long::sum);
        sent.add(new SentMessage(chatId, messageId, method, text, upload, replyMarkup));
        ObjectNode message = mapper.createObjectNode().put("message_id", messageId)
                .put("date", System.currentTimeMillis() / 1000);
        message.set("from", mapper.createObjectNode().put("id", botId()).put("is_bot", true).put("first_name", "Support"));
        message.set("chat", mapper.createObjectNode().put("id", chatId).put("type", chatId > 0 ? "private" : "group"));
        return message;
    }

    private synchronized ObjectNode getFile(String fileId) {
        StoredFile file = fileId == null ? null : files.get(fileId);
        if (file == null) {
            return error(400, "Bad Request: invalid file_id", null);
        }
        if (file.size() > TelegramSettings.BOT_API_DOWNLOAD_LIMIT) {
            return error(400, "Bad Request: file is too big", null);
        }
        return ok(mapper.createObjectNode().put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_size", file.size()).put("file_path", file.filePath()));
    }

    private void download(HttpExchange exchange, String filePath) throws IOException {
        byte[] content;
        synchronized (this) {
            calls.add(new Call("download", Map.of("file_path", filePath), Map.of()));
            content = files.values().stream().filter(f -> f.filePath().equals(filePath)).map(StoredFile::content)
                    .findFirst().orElse(null);
        }
        if (content == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, content.length);
        exchange.getResponseBody().write(content);
    }

    private static Long chatId(String value) {
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private long botId() {
        return Long.parseLong(token.substring(0, token.indexOf(':')));
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode answer = mapper.createObjectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode answer = mapper.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            answer.set("parameters", mapper.createObjectNode().put("retry_after", retryAfter));
        }
        return answer;
    }

    private void reply(HttpExchange exchange, ObjectNode answer) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(answer);
        int status = answer.get("ok").asBoolean() ? 200 : answer.get("error_code").asInt();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Waits until {@code count} calls of {@code method} were made, or the timeout passes. */
    public boolean awaitCalls(String method, int count, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline) {
            if (calls(method).size() >= count) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
