package io.supporthub.channels.viber;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.ConversationStarted;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.SignatureCheck;
import io.supporthub.channels.UnprocessablePayloadException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook route as the hub is meant to write it, on a loopback server: verify the signature over the raw bytes
 * (401 missing, 403 wrong), parse, keep the events, answer 200 (with the welcome JSON for conversation_started),
 * 200 for an unprocessable payload (kept aside), 503 for a passing failure.
 */
final class LoopbackWebhook implements AutoCloseable {

    final List<ChannelEvent> events = new CopyOnWriteArrayList<>();
    final List<String> keptAside = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ViberSignatureVerifier verifier;
    private final ViberCallbackParser parser;
    private final ViberWelcome welcome;
    private volatile int forcedStatus;

    LoopbackWebhook(ViberSignatureVerifier verifier, ViberCallbackParser parser, ViberWelcome welcome) throws IOException {
        this.verifier = verifier;
        this.parser = parser;
        this.welcome = welcome;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ViberSettings.WEBHOOK_PATH, this::handle);
        server.start();
    }

    URI publicUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answer every request with this status instead (0 to stop). */
    void forceStatus(int status) {
        this.forcedStatus = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (forcedStatus != 0) {
                exchange.sendResponseHeaders(forcedStatus, -1);
                return;
            }
            SignatureCheck check =
                    verifier.verify(body, exchange.getRequestHeaders().getFirst(ViberSignatureVerifier.HEADER));
            if (!check.valid()) {
                exchange.sendResponseHeaders(check.httpStatus(), -1);
                return;
            }
            List<ChannelEvent> parsed;
            try {
                parsed = parser.parse(body);
            } catch (UnprocessablePayloadException e) {
                keptAside.add(e.getMessage());
                exchange.sendResponseHeaders(200, -1);
                return;
            } catch (IOException passing) {
                exchange.sendResponseHeaders(503, -1);
                return;
            }
            events.addAll(parsed);
            if (parsed.stream().anyMatch(ConversationStarted.class::isInstance)) {
                byte[] answer = welcome.responseBody("Welcome! How can we help?",
                        List.of(new OutboundMessage.Button("New request", "menu:new")));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                return;
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
