package io.supporthub.channels.viber;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches media over HTTP with a size cap, reading no more than the limit plus one byte. Viber's media links redirect
 * to its CDN, so the client follows redirects.
 */
public final class HttpMediaDownloader implements MediaDownloader {

    private static final Logger log = LoggerFactory.getLogger(HttpMediaDownloader.class);

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout for connecting and for the whole download */
    public HttpMediaDownloader(Duration timeout) {
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
    }

    @Override
    public Download fetch(URI url, long maxBytes) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status >= 500 || status == 429) {
                throw new IOException("Viber media server answered HTTP " + status + " for " + url);
            }
            if (status >= 300) {
                log.warn("Viber media {} answered HTTP {}: the message is kept without the file", url, status);
                return new Gone("HTTP " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return new TooLarge(declared);
            }
            byte[] content = readAtMost(body, maxBytes);
            if (content == null) {
                return new TooLarge(declared > 0 ? declared : maxBytes + 1);
            }
            return new Fetched(content, response.headers().firstValue("Content-Type").orElse(null));
        }
    }

    /** The whole stream, or null when it holds more than {@code maxBytes}. */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                return null;
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
