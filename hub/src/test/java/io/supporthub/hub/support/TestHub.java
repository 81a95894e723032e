package io.supporthub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporthub.channels.ChannelKind;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.testing.MutableClock;
import io.supporthub.hub.App;
import io.supporthub.hub.config.Config;
import io.supporthub.hub.db.Database;
import io.supporthub.hub.outbox.RetryPolicy;
import io.supporthub.hub.web.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A whole hub on a fresh database and a free port, with a hand-moved clock and recording senders: the App that
 * production runs, built with test options.
 */
public final class TestHub implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@test.local";
    public static final String ADMIN_PASSWORD = "correct horse battery";
    public static final String API_KEY = "test-api-key";

    public final MutableClock clock;
    public final App app;
    public final Database database;
    public final Map<ChannelKind, RecordingSender> senders = new EnumMap<>(ChannelKind.class);
    public final int port;
    /** The database this hub created for itself, dropped when it closes; null when it was given one. */
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String sessionCookie;

    public TestHub() {
        this(Map.of(), false, Instant.parse("2026-11-02T09:00:00Z"));
    }

    public TestHub(Map<String, String> settings, boolean background, Instant start) {
        this(settings, background, start, Set.of());
    }

    /** A hub with Telegram in webhook mode on the fake Bot API, its real Telegram sender talking to the fake. */
    public static TestHub telegramWebhook(io.supporthub.channels.telegram.FakeTelegramBotApi telegram) {
        return new TestHub(Map.of("TELEGRAM_BOT_TOKEN", telegram.token(),
                "TELEGRAM_WEBHOOK_SECRET", io.supporthub.channels.telegram.FakeTelegramBotApi.SECRET,
                "TELEGRAM_MODE", "webhook", "TELEGRAM_API_URL", telegram.baseUrl(), "PUBLIC_URL", "https://hub.example.com"),
                false, Instant.parse("2026-11-02T09:00:00Z"), Set.of(ChannelKind.TELEGRAM));
    }

    /**
     * @param realSenders channels given no RecordingSender, so the App wires its own sender from the settings (a
     *                    channel's sender talking to its loopback fake)
     */
    public TestHub(Map<String, String> settings, boolean background, Instant start, Set<ChannelKind> realSenders) {
        this(TestDatabases.migratedDatabaseUrl(), settings, background, start, realSenders, true);
    }

    /** A hub on the database at {@code jdbcUrl} (say, a fresh one reached through a {@link TcpProxy}). */
    public TestHub(String jdbcUrl, Map<String, String> settings, boolean background, Instant start,
                   Set<ChannelKind> realSenders) {
        this(jdbcUrl, settings, background, start, realSenders, false);
    }

    /** @param ownsDatabase whether the database is this hub's alone, dropped when it closes */
    private TestHub(String jdbcUrl, Map<String, String> settings, boolean background, Instant start,
                    Set<ChannelKind> realSenders, boolean ownsDatabase) {
        this.jdbcUrl = ownsDatabase ? jdbcUrl : null;
        this.clock = new MutableClock(start);
        // Tests move the clock by days between an agent's calls; those about idle sessions set their own idle time.
        Map<String, String> values = new HashMap<>(Map.of("PORT", "0", "API_KEY", API_KEY,
                "SESSION_IDLE_MINUTES", String.valueOf(Duration.ofDays(14).toMinutes())));
        values.putAll(settings);
        Config config = new Config(values);
        // The production pool size, so tests meet the contention a small pool brings.
        this.database = Database.open(jdbcUrl, config.databasePoolSize());
        EnumMap<ChannelKind, OutboundSender> map = new EnumMap<>(ChannelKind.class);
        for (ChannelKind kind : ChannelKind.values()) {
            if (realSenders.contains(kind)) {
                continue;
            }
            RecordingSender sender = new RecordingSender(kind.wireName());
            senders.put(kind, sender);
            map.put(kind, sender);
        }
        RetryPolicy retries = new RetryPolicy(Duration.ofSeconds(10), Duration.ofMinutes(5), 3);
        this.app = new App(config, database, new App.Options(clock, map, retries,
                "test-" + UUID.randomUUID(), background));
        app.agents().ensureFirstAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        this.port = app.start();
    }

    /** A free loopback port, for settings that must name the port before the hub starts (PUBLIC_URL). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void logIn() {
        Response response = post("/api/session", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        sessionCookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** A customer message through the generic channel. */
    public Response inbound(String externalId, String name, String email, String text) {
        Map<String, Object> from = new HashMap<>();
        from.put("name", name);
        from.put("email", email);
        return request("POST", "/api/inbound", Map.of("from", from, "externalId", externalId, "text", text),
                Map.of("X-Api-Key", API_KEY));
    }

    public Response get(String path) {
        return request("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return request("POST", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return request("PATCH", path, body, Map.of());
    }

    public Response request(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
            if (body instanceof String raw) {
                builder.method(method, HttpRequest.BodyPublishers.ofString(raw)).header("Content-Type", "application/json");
            } else if (body != null) {
                builder.method(method, HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                        .header("Content-Type", "application/json");
            } else {
                builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (sessionCookie != null) {
                builder.header("Cookie", sessionCookie);
            }
            headers.forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends everything due in the outbox, as the dispatcher's workers would. */
    public int drainOutbox() {
        int sent = 0;
        while (app.dispatcher().dispatchOne()) {
            sent++;
        }
        return sent;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    @Override
    public void close() {
        app.close();
        database.close();
        if (jdbcUrl != null) {
            TestDatabases.drop(jdbcUrl);
        }
    }
}
