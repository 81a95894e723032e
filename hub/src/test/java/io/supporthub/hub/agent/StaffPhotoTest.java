package io.supporthub.hub.agent;

import io.supporthub.hub.support.TestHub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents' photos: raster images made into a square thumbnail, anything else refused, served with an ETag. */
class StaffPhotoTest {

    TestHub hub;
    String cookie;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        hub = new TestHub();
        cookie = hub.post("/api/session", Map.of("email", TestHub.ADMIN_EMAIL, "password", TestHub.ADMIN_PASSWORD))
                .headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        hub.logIn();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private long me() {
        return hub.get("/api/session").json().get("id").asLong();
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics g = img.getGraphics();
        g.setColor(new Color(width * 7 % 256, height * 3 % 256, 120));
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.url(path))).header("Cookie", cookie)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPngOrJpeg_isResizedToASquareThumbnail_servedWithAnETag_andCanBeRemoved() throws Exception {
        String path = "/api/agents/" + me() + "/photo";
        assertThat(send("PUT", path, "image/png", image("png", 640, 480), null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> got = send("GET", path, null, null, null);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/png");
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(got.body()));
        assertThat(thumb.getWidth()).isEqualTo(128);
        assertThat(thumb.getHeight()).isEqualTo(128);
        String etag = got.headers().firstValue("ETag").orElseThrow();
        assertThat(send("GET", path, null, null, etag).statusCode()).isEqualTo(304);

        assertThat(send("PUT", "/api/me/photo", "image/jpeg", image("jpg", 300, 900), null).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> replaced = send("GET", path, null, null, etag);
        assertThat(replaced.statusCode()).as("a new photo, a new tag").isEqualTo(200);
        assertThat(ImageIO.read(new ByteArrayInputStream(replaced.body())).getWidth()).isEqualTo(128);

        assertThat(send("DELETE", path, null, null, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", path, null, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void svg_garbage_andWebp_areRefused() throws Exception {
        String path = "/api/agents/" + me() + "/photo";
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        assertThat(send("PUT", path, "image/svg+xml", svg, null).statusCode()).isEqualTo(415);
        assertThat(send("PUT", path, "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8), null).statusCode())
                .isEqualTo(415);
        byte[] truncatedPng = java.util.Arrays.copyOf(image("png", 50, 50), 30);
        assertThat(send("PUT", path, "image/png", truncatedPng, null).statusCode()).isEqualTo(400);
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ....".getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<byte[]> refused = send("PUT", path, "image/webp", webp, null);
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("WebP");
        assertThat(send("PUT", path, "text/plain", image("png", 10, 10), null).statusCode())
                .as("a form-sendable type is still refused").isEqualTo(415);
        assertThat(send("GET", path, null, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPhotoOverTheBodyLimit_isRefused_andAnotherAgentsPhotoIsAdminOnly() throws Exception {
        byte[] huge = new byte[6 * 1024 * 1024];
        huge[0] = (byte) 0x89;
        huge[1] = 'P';
        huge[2] = 'N';
        huge[3] = 'G';
        assertThat(send("PUT", "/api/me/photo", "image/png", huge, null).statusCode()).isEqualTo(413);

        long bob = hub.post("/api/agents", Map.of("email", "bob@test.local", "name", "Bob", "password", "a long enough one"))
                .json().get("id").asLong();
        String bobCookie = hub.request("POST", "/api/session", Map.of("email", "bob@test.local", "password", "a long enough one"),
                Map.of()).headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> forbidden = http.send(HttpRequest.newBuilder(URI.create(hub.url("/api/agents/" + me() + "/photo")))
                .header("Cookie", bobCookie).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image("png", 20, 20))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/agents/" + bob + "/photo", "image/gif", image("gif", 40, 40), null).statusCode())
                .as("an admin sets anyone's").isEqualTo(204);
    }
}
