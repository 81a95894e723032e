package io.supporthub.hub.web;

import io.javalin.Javalin;
import io.supporthub.hub.support.CapturedLogs;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose answer comes after Jetty has recycled it (an asynchronous one past its timeout, as an event stream
 * whose client went away): the failure of the late answer is one quiet log line. Javalin queues a new exception task
 * whenever an exception handler throws, so a handler that read the recycled request (its path, say) would loop on one
 * thread for as long as the JVM lives, writing log lines as fast as it can.
 */
class RecycledRequestTest {

    @Test
    void a_failure_after_the_request_was_completed_is_one_quiet_line() throws Exception {
        CompletableFuture<Void> failed = new CompletableFuture<>();
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            ErrorHandling.register(cfg.routes);
            SecurityHeaders.register(cfg.routes, true);
            // As an event stream ends when a write to a page that went away fails: the client completes the request,
            // which Jetty recycles, and the handler's work ends after that (here with a failure).
            cfg.routes.get("/gone", ctx -> ctx.future(() -> CompletableFuture.runAsync(() -> {
                sleep(100);
                ctx.req().getAsyncContext().complete();
                sleep(200);
                failed.complete(null);
                throw new IllegalStateException("the stream's last write failed");
            })));
        });
        try (CapturedLogs logs = new CapturedLogs()) {
            app.start("127.0.0.1", 0);
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/gone")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            failed.get();
            sleep(500);
            int settled = logs.lines().size();
            sleep(300);
            assertThat(logs.lines().size()).as("nothing more once the failure was logged").isEqualTo(settled);
            assertThat(settled).as("lines: " + logs.lines()).isBetween(1, 3);
            assertThat(logs.lines()).allMatch(line -> line.stackTrace().isEmpty() && !line.level().equals("ERROR"));
        } finally {
            app.stop();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
