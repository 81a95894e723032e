package io.supporthub.channels.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import io.supporthub.channels.JsonArrayElements;

import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Our one door to the Bot API: telegrambots-client's {@link OkHttpTelegramClient} for the methods, plus two raw
 * calls it cannot do for us: file download from a configurable base URL (its own is fixed to api.telegram.org)
 * and {@code getUpdates} returning each update's raw JSON (so one update the library cannot map does not block
 * the whole queue). Every failure comes out as a {@link TelegramCallException}.
 */
public final class TelegramApiClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final TelegramSettings settings;
    private final ObjectMapper mapper;
    private final OkHttpClient http;
    private final OkHttpClient longPollHttp;
    private final OkHttpTelegramClient client;

    public TelegramApiClient(TelegramSettings settings) {
        this.settings = settings;
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(30))
                .writeTimeout(Duration.ofSeconds(30))
                .build();
        this.longPollHttp = http.newBuilder().dispatcher(new Dispatcher()).readTimeout(Duration.ofSeconds(90)).build();
        this.client = new OkHttpTelegramClient(mapper, http, settings.token(), settings.telegramUrl());
    }

    public TelegramSettings settings() {
        return settings;
    }

    /** The mapper that reads telegrambots-meta types (unknown fields ignored, so new Bot API fields do no harm). */
    public ObjectMapper mapper() {
        return mapper;
    }

    public <T extends Serializable, M extends BotApiMethod<T>> T execute(M method) throws TelegramCallException {
        return await(method.getMethod(), () -> client.executeAsync(method));
    }

    public Message execute(SendPhoto method) throws TelegramCallException {
        return await(method.getMethod(), () -> client.executeAsync(method));
    }

    public Message execute(SendDocument method) throws TelegramCallException {
        return await(method.getMethod(), () -> client.executeAsync(method));
    }

    public Boolean execute(SetWebhook method) throws TelegramCallException {
        return await(method.getMethod(), () -> client.executeAsync(method));
    }

    /**
     * Downloads {@code /file/bot<token>/<filePath>}.
     *
     * @return the bytes, or empty when the file turned out larger than {@code maxBytes}
     */
    public Optional<byte[]> download(String filePath, long maxBytes) throws TelegramCallException {
        HttpUrl url = base().addPathSegment("file").addPathSegment("bot" + settings.token())
                .addPathSegments(filePath).build();
        try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                throw new TelegramCallException("file download", response.code(),
                        "HTTP " + response.code() + " for file " + filePath, null, null);
            }
            try (InputStream in = body.byteStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
            }
        } catch (TelegramCallException e) {
            throw e;
        } catch (IOException e) {
            throw new TelegramCallException("file download", 0, "file " + filePath + ": " + e, null, e);
        }
    }

    /**
     * One long-poll {@code getUpdates}, answered with each update object's bytes exactly as the Bot API sent them.
     * {@link #cancelLongPoll()} ends a waiting call from another thread.
     */
    public List<byte[]> getUpdates(long offset, int timeoutSeconds, List<String> allowedUpdates)
            throws TelegramCallException {
        ObjectNode body = mapper.createObjectNode().put("offset", offset).put("timeout", timeoutSeconds).put("limit", 100);
        body.set("allowed_updates", mapper.valueToTree(allowedUpdates));
        HttpUrl url = base().addPathSegment("bot" + settings.token()).addPathSegment("getUpdates").build();
        Request request = new Request.Builder().url(url).post(RequestBody.create(body.toString(), JSON)).build();
        try (Response response = longPollHttp.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            byte[] bytes = responseBody == null ? new byte[0] : responseBody.bytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            JsonNode answer = readAnswer(text, response.code());
            if (!answer.path("ok").asBoolean(false)) {
                JsonNode retry = answer.path("parameters").path("retry_after");
                throw new TelegramCallException("getUpdates", answer.path("error_code").asInt(response.code()),
                        answer.path("description").asText("HTTP " + response.code()),
                        retry.isInt() ? retry.asInt() : null, null);
            }
            JsonNode result = answer.path("result");
            if (!result.isArray()) {
                throw new TelegramCallException("getUpdates", 0, "answer has no result array: " + abbreviate(text), null, null);
            }
            return JsonArrayElements.of(mapper, bytes, "result");
        } catch (TelegramCallException e) {
            throw e;
        } catch (IOException e) {
            throw new TelegramCallException("getUpdates", 0, e.toString(), null, e);
        }
    }

    /** Ends a getUpdates call that is waiting, if any (used when the poller stops). */
    public void cancelLongPoll() {
        longPollHttp.dispatcher().cancelAll();
    }

    @Override
    public void close() {
        cancelLongPoll();
        longPollHttp.dispatcher().executorService().shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private JsonNode readAnswer(String text, int status) throws TelegramCallException {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new TelegramCallException("getUpdates", status >= 400 ? status : 0,
                    "HTTP " + status + " with a body that is not JSON: " + abbreviate(text), null, e);
        }
    }

    private HttpUrl.Builder base() {
        return new HttpUrl.Builder().scheme(settings.telegramUrl().getSchema()).host(settings.telegramUrl().getHost())
                .port(settings.telegramUrl().getPort());
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    @FunctionalInterface
    private interface AsyncCall<T> {
        CompletableFuture<T> start() throws Exception;
    }

    private static <T> T await(String method, AsyncCall<T> call) throws TelegramCallException {
        try {
            return call.start().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramCallException(method, 0, "interrupted while waiting for Telegram", null, e);
        } catch (ExecutionException e) {
            throw translate(method, e.getCause() == null ? e : e.getCause());
        } catch (Exception e) {
            throw translate(method, e);
        }
    }

    static TelegramCallException translate(String method, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TelegramApiValidationException invalid) {
                return new TelegramCallException(method, 400, "refused before sending: " + invalid.getMessage(), null, invalid);
            }
            if (t instanceof TelegramApiRequestException api && api.getErrorCode() != null) {
                Integer retryAfter = api.getParameters() == null ? null : api.getParameters().getRetryAfter();
                String description = api.getApiResponse() == null ? api.getMessage() : api.getApiResponse();
                return new TelegramCallException(method, api.getErrorCode(), description, retryAfter, api);
            }
        }
        return new TelegramCallException(method, 0, String.valueOf(failure), null, failure);
    }
}
