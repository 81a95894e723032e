package io.supporthub.channels.sms;

import io.supporthub.channels.Attachment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Downloads the media of an MMS. Twilio's media URLs ({@code https://api.twilio.com/2010-04-01/Accounts/AC.../
 * Messages/MM.../Media/ME...}) answer with a redirect to a storage host; the API host wants HTTP basic auth
 * (account SID and auth token), the storage host must not get it (it would refuse a second credential, and it is not
 * Twilio's to see). So redirects are followed here, and credentials go only to the API host.
 */
public final class TwilioMediaFetcher {

    private static final Logger log = LoggerFactory.getLogger(TwilioMediaFetcher.class);
    private static final int MAX_REDIRECTS = 5;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", "jpg"), Map.entry("image/png", "png"), Map.entry("image/gif", "gif"),
            Map.entry("image/webp", "webp"), Map.entry("image/heic", "heic"), Map.entry("video/mp4", "mp4"),
            Map.entry("video/3gpp", "3gp"), Map.entry("audio/mpeg", "mp3"), Map.entry("audio/amr", "amr"),
            Map.entry("audio/ogg", "ogg"), Map.entry("text/vcard", "vcf"), Map.entry("text/x-vcard", "vcf"),
            Map.entry("text/plain", "txt"), Map.entry("application/pdf", "pdf"));

    private final TwilioSettings settings;
    private final long maxBytes;
    private final URI apiOrigin;
    private final HttpClient http;

    /** @param maxBytes the largest attachment taken ({@code MAX_ATTACHMENT_MB}); larger ones are refused */
    public TwilioMediaFetcher(TwilioSettings settings, long maxBytes) {
        this.settings = settings;
        this.maxBytes = maxBytes;
        this.apiOrigin = URI.create(settings.apiUrl());
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The media as an attachment, or a refusal described for the customer when it is too large or Twilio no longer
     * has it.
     *
     * @param url         the MediaUrlN of the webhook (an {@code https://api.twilio.com} URL goes to the API URL)
     * @param contentType the MediaContentTypeN, or null to take the response's
     * @throws IOException when Twilio cannot be reached or answers 5xx/429: a passing failure, try again later
     */
    public MediaResult fetch(String url, String contentType) throws IOException {
        URI uri = URI.create(TwilioApiHttpClient.rewrite(url, settings.apiUrl()));
        String name = fileName(uri, contentType);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location")
                        .orElseThrow(() -> new IOException("Twilio media " + url + " redirected without Location"));
                response.body().close();
                uri = uri.resolve(location);
                continue;
            }
            try (InputStream body = response.body()) {
                if (status == 429 || status >= 500) {
                    throw new IOException("Twilio media " + url + " answered HTTP " + status);
                }
                if (status != 200) {
                    log.warn("Twilio media {} answered HTTP {}: not taken", url, status);
                    return MediaResult.refused(name + " (could not be downloaded: HTTP " + status + ")");
                }
                String type = contentType != null ? contentType
                        : response.headers().firstValue("Content-Type").orElse(null);
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    return MediaResult.refused(name + " (" + size(declared) + ")");
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return MediaResult.refused(name + " (more than " + size(maxBytes) + ")");
                }
                return MediaResult.taken(Attachment.of(name, type, bytes));
            }
        }
        throw new IOException("Twilio media " + url + " redirected more than " + MAX_REDIRECTS + " times");
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (isTwilioApi(uri)) {
            String credentials = settings.accountSid() + ":" + settings.authToken();
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading Twilio media " + uri, e);
        }
    }

    private boolean isTwilioApi(URI uri) {
        return Objects.equals(uri.getScheme(), apiOrigin.getScheme())
                && Objects.equals(uri.getHost(), apiOrigin.getHost())
                && uri.getPort() == apiOrigin.getPort();
    }

    /** The media SID from the URL with an extension from the content type, e.g. {@code ME5f0a...jpg}. */
    static String fileName(URI uri, String contentType) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String base = last.isBlank() ? "media" : last.replaceFirst("\\.json$", "");
        if (contentType == null) {
            return base;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        String ext = EXTENSIONS.getOrDefault(type, type.contains("/") ? type.substring(type.indexOf('/') + 1) : "");
        return ext.isBlank() || base.contains(".") ? base : base + "." + ext.replaceAll("[^a-z0-9]", "");
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }

    /** One media item: either taken as an attachment or refused with a description for the customer. */
    public record MediaResult(Attachment attachment, String refusal) {

        static MediaResult taken(Attachment attachment) {
            return new MediaResult(attachment, null);
        }

        static MediaResult refused(String refusal) {
            return new MediaResult(null, refusal);
        }
    }
}
