package io.supporthub.channels.viber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supporthub.channels.InboundMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inbound media fetched over HTTP from the fake's media endpoint. */
class ViberMediaFetchTest {

    private final FakeViberApi viber = FakeViberApi.start("token");
    private final HttpMediaDownloader downloader =
            new HttpMediaDownloader(Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        viber.close();
    }

    private ViberCallbackParser parser(long maxFileBytes) {
        ViberSettings settings = new ViberSettings("token", "Support", null, viber.apiUrl(),
                URI.create("https://hub.example"), maxFileBytes);
        return new ViberCallbackParser(settings, downloader, null, Clock.systemUTC());
    }

    private static byte[] picture(URI media, String caption) {
        return ("{\"event\":\"message\",\"timestamp\":1479039750092,\"message_token\":4978563241957515056,"
                + "\"sender\":{\"id\":\"xWxFWBYHceVLi80yULnRkw==\",\"name\":\"Idan\"},"
                + "\"message\":{\"type\":\"picture\",\"text\":\"" + caption + "\",\"media\":\"" + media + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void picture_isFetchedIntoAnAttachment() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        URI media = viber.putMedia("abc.png", "image/png", png);
        InboundMessage message = (InboundMessage) parser(1000).parse(picture(media, "my router")).get(0);
        assertThat(message.text()).isEqualTo("my router");
        assertThat(message.attachments()).singleElement().satisfies(a -> {
            assertThat(a.content()).isEqualTo(png);
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.fileName()).isEqualTo("photo.png");
        });
    }

    @Test
    void redirectedMediaLink_isFollowed() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 9};
        URI cdn = viber.putMedia("cdn.jpg", "image/jpeg", jpeg);
        URI media = viber.redirectMedia("short.jpg", cdn);
        InboundMessage message = (InboundMessage) parser(1000).parse(picture(media, "")).get(0);
        assertThat(message.attachments()).singleElement().satisfies(a -> assertThat(a.content()).isEqualTo(jpeg));
    }

    @Test
    void pictureLargerThanTheLimit_isRefused() throws Exception {
        byte[] big = new byte[5000];
        Arrays.fill(big, (byte) 7);
        URI media = viber.putMedia("big.jpg", "image/jpeg", big);
        InboundMessage message = (InboundMessage) parser(1000).parse(picture(media, "")).get(0);
        assertThat(message.attachments()).isEmpty();
        assertThat(message.refusedAttachments()).containsExactly("photo (4 KB)");
    }

    @Test
    void expiredMediaLink_keepsTheMessageWithoutTheFile() throws Exception {
        URI media = viber.failMedia("gone.jpg", 404);
        InboundMessage message = (InboundMessage) parser(1000).parse(picture(media, "see this")).get(0);
        assertThat(message.text()).isEqualTo("see this");
        assertThat(message.refusedAttachments()).containsExactly("photo (could not be fetched from Viber: HTTP 404)");
    }

    @Test
    void mediaServerError_isAPassingFailure() {
        URI media = viber.failMedia("later.jpg", 503);
        assertThatThrownBy(() -> parser(1000).parse(picture(media, "")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("503");
    }

    @Test
    void unreachableMediaServer_isAPassingFailure() {
        URI media = viber.putMedia("x.jpg", "image/jpeg", new byte[] {1});
        viber.close();
        assertThatThrownBy(() -> parser(1000).parse(picture(media, "")))
                .isInstanceOf(IOException.class);
    }
}
