package io.supporthub.channels.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake speaks the Bot API's wire format, whatever way a client encodes its call. */
class FakeTelegramBotApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTelegramBotApi telegram;

    @BeforeEach
    void start() throws Exception {
        telegram = FakeTelegramBotApi.start();
    }

    @AfterEach
    void stop() {
        telegram.close();
    }

    private HttpResponse<String> post(String method, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot" + telegram.token() + "/" + method))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lowerCaseMethod_formBody_andStringChatId_areAccepted() throws Exception {
        HttpResponse<String> response = post("sendmessage", "application/x-www-form-urlencoded", "chat_id=42&text=Hi+there");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"ok\":true,\"result\":{\"message_id\":1");
        assertThat(telegram.messagesTo(42)).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("Hi there"));
    }

    @Test
    void jsonBody_withNumericChatId_isAccepted() throws Exception {
        HttpResponse<String> response = post("sendMessage", "application/json", "{\"chat_id\":42,\"text\":\"Hello\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(telegram.calls("SENDMESSAGE")).singleElement().satisfies(c -> assertThat(c.param("chat_id")).isEqualTo("42"));
    }

    @Test
    void programmedFailure_usesTheRealErrorFormat_thenPasses() throws Exception {
        telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 7", 7);

        HttpResponse<String> failed = post("sendMessage", "application/json", "{\"chat_id\":\"42\",\"text\":\"Hello\"}");
        HttpResponse<String> passed = post("sendMessage", "application/json", "{\"chat_id\":\"42\",\"text\":\"Hello\"}");

        assertThat(failed.statusCode()).isEqualTo(429);
        assertThat(failed.body()).isEqualTo("{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\","
                + "\"parameters\":{\"retry_after\":7}}");
        assertThat(passed.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongToken_isUnauthorized_andTooLongText_isABadRequest() throws Exception {
        HttpRequest wrongToken = HttpRequest.newBuilder(URI.create(telegram.baseUrl() + "/bot1:nope/getMe"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(wrongToken, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        HttpResponse<String> tooLong = post("sendMessage", "application/json",
                "{\"chat_id\":1,\"text\":\"" + "x".repeat(4097) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("message is too long");
    }

    @Test
    void getUpdates_honoursTheOffset() throws Exception {
        long first = telegram.addUpdate("{\"message\":{}}");
        long second = telegram.addUpdate("{\"message\":{}}");

        String all = post("getUpdates", "application/json", "{\"offset\":0}").body();
        String rest = post("getUpdates", "application/json", "{\"offset\":" + second + "}").body();

        assertThat(all).contains("\"update_id\":" + first).contains("\"update_id\":" + second);
        assertThat(rest).doesNotContain("\"update_id\":" + first).contains("\"update_id\":" + second);
        assertThat(telegram.lastOffset()).isEqualTo(second);
    }

    @Test
    void getFile_thenDownload_servesTheBytes() throws Exception {
        telegram.addFile("f1", "documents/file_1.pdf", new byte[] {7, 8});

        String file = post("getFile", "application/json", "{\"file_id\":\"f1\"}").body();
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(
                telegram.baseUrl() + "/file/bot" + telegram.token() + "/documents/file_1.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(file).contains("\"file_path\":\"documents/file_1.pdf\"");
        assertThat(download.body()).containsExactly(7, 8);
    }
}
