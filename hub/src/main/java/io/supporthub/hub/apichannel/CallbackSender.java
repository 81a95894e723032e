package io.supporthub.hub.apichannel;

import io.supporthub.channels.DeliveryState;
import io.supporthub.channels.OutboundMessage;
import io.supporthub.channels.OutboundSender;
import io.supporthub.channels.SendException;
import io.supporthub.channels.SendResult;
import io.supporthub.hub.db.Transactions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The generic channel's outbound side: an agent's reply POSTed as JSON to the admin's callback URL, signed
 * ({@link CallbackSignature}) and named by {@code X-Hub-Delivery: <message id>}, the same on every retry so the
 * receiver can drop one it already has. 2xx is delivered; 408, 429 and 5xx, timeouts and refused connections are
 * retried by the outbox; any other answer fails the message for good with the status in its delivery error.
 * Redirects are not followed (a redirect could lead past the address check).
 */
public final class CallbackSender implements OutboundSender {

    /** How much of a receiver's answer is read: enough for an error's first lines. */
    static final int BODY_LIMIT = 1024;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final Transactions transactions;
    private final ApiChannelSettings settings;
    private final CallbackAddresses addresses;
    private final Clock clock;
    private final HttpClient http;
    private final Duration readTimeout;

    public CallbackSender(Transactions transactions, ApiChannelSettings settings, CallbackAddresses addresses, Clock clock) {
        this(transactions, settings, addresses, clock, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    CallbackSender(Transactions transactions, ApiChannelSettings settings, CallbackAddresses addresses, Clock clock,
                   Duration connectTimeout, Duration readTimeout) {
        this.transactions = transactions;
        this.settings = settings;
        this.addresses = addresses;
        this.clock = clock;
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SendResult send(OutboundMessage message) throws SendException {
        CallbackSettings callback = settings.read();
        if (!callback.configured()) {
            throw SendException.fatal("the API channel has no callback URL and secret; an admin sets them on Admin → Channels");
        }
        Optional<String> refused = addresses.problem(callback.callbackUrl());
        if (refused.isPresent()) {
            throw SendException.fatal(refused.get());
        }
        byte[] body = transactions.read(handle -> CallbackPayloads.body(handle, message.messageId(), clock.instant()))
                .orElseThrow(() -> SendException.fatal("message " + message.messageId() + " is gone"));
        post(callback, String.valueOf(message.messageId()), body);
        return new SendResult(null, DeliveryState.DELIVERED);
    }

    /** The connection test: a signed POST to the callback, after the same address check as a delivery. */
    HttpResponse<byte[]> ping(CallbackSettings callback, String deliveryId, byte[] body) throws SendException {
        Optional<String> refused = addresses.problem(callback.callbackUrl());
        if (refused.isPresent()) {
            throw SendException.fatal(refused.get());
        }
        return post(callback, deliveryId, body);
    }

    /** A signed POST of {@code body}; the answer when it was 2xx, else the SendException it amounts to. */
    HttpResponse<byte[]> post(CallbackSettings callback, String deliveryId, byte[] body) throws SendException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback.callbackUrl()))
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "supporthub-callback/1")
                .header(CallbackSignature.HEADER, CallbackSignature.of(callback.secret(), body))
                .header(CallbackSignature.DELIVERY_HEADER, deliveryId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, LimitedBody.handler(BODY_LIMIT));
        HttpResponse<byte[]> response;
        try {
            // The request's own timeout ends the wait for the headers; this bounds the body too.
            response = pending.get(readTimeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw SendException.retryable("the callback did not answer within " + readTimeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw SendException.retryable("the callback could not be reached: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SendException.retryable("interrupted while posting to the callback", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String answer = "the callback answered " + status + snippet(response.body());
        if (status == 429) {
            Duration wait = response.headers().firstValue("Retry-After").flatMap(CallbackSender::seconds).orElse(null);
            throw wait == null ? SendException.retryable(answer, null) : SendException.rateLimited(answer, wait);
        }
        if (status == 408 || status >= 500) {
            throw SendException.retryable(answer, null);
        }
        throw SendException.fatal(answer);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds >= 0 && seconds <= 3600 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        if (text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
        return text.isEmpty() ? "" : ": " + text;
    }
}
