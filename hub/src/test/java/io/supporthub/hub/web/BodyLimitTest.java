package io.supporthub.hub.web;

import io.javalin.http.HandlerType;
import io.supporthub.channels.telegram.FakeTelegramBotApi;
import io.supporthub.hub.support.PublicRoutesHub;
import io.supporthub.hub.support.TestHub;
import io.supporthub.hub.ui.Csrf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route holds its body to its limit while reading: a declared Content-Length over it is answered 413 at once,
 * a chunked body that trickles in is cut off as soon as it passes it, and the hub stays healthy.
 */
@Tag("serial")
class BodyLimitTest {

    private static final long FORTY_MB = 40L * 1024 * 1024;
    private static final String CSRF = "c".repeat(40);

    /** The routes anyone may post to, with the headers that get a request as far as reading its body. */
    private record PublicRoute(String path, Map<String, String> headers, long expectedLimit) {
    }

    private static final List<PublicRoute> PUBLIC_ROUTES = List.of(
            new PublicRoute("/api/session", Map.of("Content-Type", "application/json"), BodyLimit.LOGIN.bytes()),
            new PublicRoute("/login", Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "Cookie", Csrf.COOKIE + "=" + CSRF), BodyLimit.LOGIN.bytes()),
            new PublicRoute("/logout", Map.of("Content-Type", "application/x-www-form-urlencoded",
                    "Cookie", Csrf.COOKIE + "=" + CSRF), BodyLimit.LOGIN.bytes()),
            new PublicRoute("/webhooks/telegram", Map.of("Content-Type", "application/json",
                    "X-Telegram-Bot-Api-Secret-Token", FakeTelegramBotApi.SECRET), BodyLimit.TELEGRAM_UPDATE.bytes()),
            new PublicRoute("/webhooks/twilio/sms", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    BodyLimit.CALLBACK.bytes()),
            new PublicRoute("/webhooks/twilio/status", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    BodyLimit.CALLBACK.bytes()),
            new PublicRoute("/webhooks/viber", Map.of("Content-Type", "application/json"), BodyLimit.CALLBACK.bytes()),
            new PublicRoute("/api/inbound", Map.of("Content-Type", "application/json", "X-Api-Key", TestHub.API_KEY),
                    BodyLimit.JSON.bytes()));

    static PublicRoutesHub hubs;
    static TestHub hub;
    static RawHttp http;

    @BeforeAll
    static void start() {
        hubs = new PublicRoutesHub();
        hub = hubs.hub;
        http = new RawHttp(hub.port);
    }

    @AfterAll
    static void stop() {
        hubs.close();
    }

    @Test
    void each_public_route_takes_no_more_than_it_needs() {
        for (PublicRoute route : PUBLIC_ROUTES) {
            assertThat(hub.app.routes().limitFor("POST", route.path())).as(route.path()).isEqualTo(route.expectedLimit());
        }
        assertThat(BodyLimit.LOGIN.bytes()).isLessThanOrEqualTo(16 * 1024);
        assertThat(BodyLimit.CALLBACK.bytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(BodyLimit.TELEGRAM_UPDATE.bytes()).isLessThanOrEqualTo(512 * 1024);
    }

    @Test
    void a_declared_large_body_is_refused_with_413_before_it_is_sent_on_every_route() throws IOException {
        List<io.javalin.router.Endpoint> withBodies = hub.app.routes().endpoints().stream()
                .filter(e -> e.method == HandlerType.POST || e.method == HandlerType.PUT || e.method == HandlerType.PATCH)
                .toList();
        assertThat(withBodies).hasSizeGreaterThan(20);
        for (io.javalin.router.Endpoint endpoint : withBodies) {
            String path = endpoint.path.replaceAll("\\{[^}]+}", "1");
            RawHttp.Answer answer = http.declareOnly(endpoint.method.name(), path,
                    Map.of("Content-Type", "application/json"), FORTY_MB);
            assertThat(answer.status()).as(endpoint.method + " " + path).isEqualTo(413);
            assertThat(answer.took()).as(endpoint.method + " " + path).isLessThan(Duration.ofSeconds(2));
            assertThat(answer.body()).contains("\"error\":\"too_large\"").contains("\"message\"");
        }
        assertHealthy();
    }

    @Test
    void a_slow_chunked_body_is_cut_off_once_it_passes_the_routes_limit() throws IOException {
        for (PublicRoute route : PUBLIC_ROUTES) {
            int chunk = route.expectedLimit() > 512 * 1024 ? 64 * 1024 : 4 * 1024;
            RawHttp.Answer answer = http.trickle("POST", route.path(), route.headers(), chunk, Duration.ofMillis(5),
                    FORTY_MB);
            assertThat(answer.status()).as(route.path() + ": " + answer.body()).isEqualTo(413);
            assertThat(answer.body()).contains("\"error\":\"too_large\"");
            // Cut off at the limit, not at the end of the body: what the hub read is bounded by the route. What the
            // client had sent by the time it read the answer also counts the sockets' buffers and, on a busy machine,
            // the chunks written while the answer waited for a core (hence a megabyte's slack, against forty).
            assertThat(answer.bytesSent()).as(route.path()).isLessThan(route.expectedLimit() + 8L * chunk + 1024 * 1024);
            assertThat(answer.took()).as(route.path()).isLessThan(Duration.ofSeconds(10));
        }
        assertHealthy();
    }

    @Test
    void a_body_within_the_limit_still_reaches_its_route() {
        TestHub.Response response = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL,
                "password", TestHub.ADMIN_PASSWORD));
        assertThat(response.status()).isEqualTo(200);
    }

    private static void assertHealthy() {
        long start = System.nanoTime();
        TestHub.Response health = hub.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
