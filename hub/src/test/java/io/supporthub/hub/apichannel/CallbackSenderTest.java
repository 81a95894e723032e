package io.supporthub.hub.apichannel;

import com.sun.net.httpserver.HttpServer;
import io.supporthub.channels.SendException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The callback's HTTP side alone: a receiver too slow to answer is a passing failure; a large answer is read only in part. */
@Tag("serial")
class CallbackSenderTest {

    private static final CallbackAddresses ANY = new CallbackAddresses(true);
    private HttpServer server;

    private String serve(int status, byte[] answer, Duration delay) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            } catch (java.io.IOException e) {
                // the hub stopped reading: as expected for a large answer
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/in";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static CallbackSender sender(Duration readTimeout) {
        return new CallbackSender(null, null, ANY, Clock.systemUTC(), Duration.ofSeconds(2), readTimeout);
    }

    @Test
    void aReceiverTooSlowToAnswer_isRetried() throws Exception {
        String url = serve(200, "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3));
        long start = System.nanoTime();
        assertThatThrownBy(() -> sender(Duration.ofMillis(400)).post(new CallbackSettings(url, "a long shared secret 42"),
                "7", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("callback");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aLargeErrorAnswer_isReadOnlyInPart_andItsStatusFailsTheMessageForGood() throws Exception {
        byte[] huge = "x".repeat(5_000_000).getBytes(StandardCharsets.UTF_8);
        String url = serve(422, huge, Duration.ZERO);
        assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).post(new CallbackSettings(url, "a long shared secret 42"),
                "8", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).startsWith("the callback answered 422: xxx").hasSizeLessThan(300);
                });
    }

    @Test
    void aRedirect_isNotFollowed() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/in";
        assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).post(new CallbackSettings(url, "a long shared secret 42"),
                "9", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SendException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("307");
                });
    }
}
