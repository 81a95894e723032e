package io.supporthub.channels.sms;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP client under the Twilio SDK. The SDK has no base-URL setting and always builds
 * {@code https://api.twilio.com/...}; this client sends those calls to {@link TwilioSettings#apiUrl()} instead, so
 * tests (and a proxy, if ever needed) can stand in for Twilio. It speaks through the JDK's HTTP client.
 */
public final class TwilioApiHttpClient extends HttpClient {

    static final String TWILIO_API_ORIGIN = "https://api.twilio.com";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String apiUrl;
    private final java.net.http.HttpClient http;

    public TwilioApiHttpClient(String apiUrl) {
        this.apiUrl = apiUrl;
        this.http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
    }

    /** A Twilio REST client whose calls go to the settings' API URL. */
    public static TwilioRestClient restClient(TwilioSettings settings) {
        return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new TwilioApiHttpClient(settings.apiUrl()))
                .build();
    }

    /** Replaces the {@code https://api.twilio.com} origin of a URL with {@code apiUrl}; other URLs stay as they are. */
    static String rewrite(String url, String apiUrl) {
        if (url.startsWith(TWILIO_API_ORIGIN + "/") || url.equals(TWILIO_API_ORIGIN)) {
            return apiUrl + url.substring(TWILIO_API_ORIGIN.length());
        }
        return url;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = rewrite(request.constructURL().toString(), apiUrl);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("X-Twilio-Client", "java-supporthub");
        if (request.requiresAuthentication()) {
            builder.header("Authorization", request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.getMethod().toString(), body(request, builder));
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.body(), response.statusCode(), headers(response));
        } catch (IOException e) {
            throw new ApiConnectionException("Twilio could not be reached at " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while calling Twilio at " + url, e);
        }
    }

    private static HttpRequest.BodyPublisher body(Request request, HttpRequest.Builder builder) {
        String method = request.getMethod().toString();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (request.getContentType() == EnumConstants.ContentType.JSON) {
            builder.header("Content-Type", "application/json");
            return HttpRequest.BodyPublishers.ofString(request.getBody() == null ? "" : request.getBody());
        }
        builder.header("Content-Type", "application/x-www-form-urlencoded");
        return HttpRequest.BodyPublishers.ofString(request.encodeFormBody());
    }

    private static Header[] headers(HttpResponse<?> response) {
        List<Header> headers = new ArrayList<>();
        response.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(new BasicHeader(name, v))));
        return headers.toArray(new Header[0]);
    }
}
