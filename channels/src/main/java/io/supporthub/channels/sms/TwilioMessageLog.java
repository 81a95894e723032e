package io.supporthub.channels.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.converter.Serializer;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;

import io.supporthub.channels.JsonArrayElements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The account's message log (the Messages resource, every page), read as the SDK's {@code MessageReader} reads it but
 * keeping each message's JSON as Twilio sent it: a message that cannot be imported is kept aside in that form.
 */
final class TwilioMessageLog {

    private static final String PATH = "/2010-04-01/Accounts/%s/Messages.json";
    private static final long PAGE_SIZE = 100;

    private final TwilioRestClient client;

    TwilioMessageLog(TwilioRestClient client) {
        this.client = client;
    }

    /** A message of the log: read, and as the bytes Twilio sent for it. */
    record Listed(JsonNode message, byte[] json) {
    }

    /**
     * The messages sent at or after {@code since}, to {@code to} or, when null, to any number of the account.
     *
     * @throws IOException when Twilio cannot be reached or refuses the listing
     */
    List<Listed> sentSince(Instant since, String to) throws IOException {
        Request request = new Request(HttpMethod.GET, Domains.API.toString(),
                String.format(PATH, client.getAccountSid()));
        if (to != null) {
            request.addQueryParam("To", to);
        }
        Serializer.toString(request, "DateSent", null, null, since.atZone(ZoneOffset.UTC));
        request.addQueryParam("PageSize", Long.toString(PAGE_SIZE));
        List<Listed> messages = new ArrayList<>();
        while (request != null) {
            byte[] content = page(request);
            for (byte[] json : JsonArrayElements.of(client.getObjectMapper(), content, "messages")) {
                messages.add(new Listed(client.getObjectMapper().readTree(json), json));
            }
            JsonNode page = client.getObjectMapper().readTree(content);
            String next = page.path("next_page_uri").asText("");
            request = next.isEmpty() ? null
                    : new Request(HttpMethod.GET, "https://" + Domains.API + ".twilio.com" + next);
        }
        return messages;
    }

    private byte[] page(Request request) throws IOException {
        Response response;
        try {
            response = client.request(request);
        } catch (TwilioException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (response == null) {
            throw new IOException("no answer from Twilio");
        }
        String content = response.getContent();
        if (!TwilioRestClient.SUCCESS.test(response.getStatusCode()) || content == null) {
            String detail = content == null ? "no content" : content.length() > 300 ? content.substring(0, 300) : content;
            throw new IOException("Twilio answered " + response.getStatusCode() + ": " + detail);
        }
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
