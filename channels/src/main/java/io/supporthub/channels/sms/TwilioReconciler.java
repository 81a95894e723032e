package io.supporthub.channels.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.message.Media;
import io.supporthub.channels.ChannelEvent;
import io.supporthub.channels.FetchedPayload;
import io.supporthub.channels.RawPayload;
import io.supporthub.channels.UnprocessablePayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds inbound SMS the hub missed. Twilio retries an inbound webhook at most once, and only when the connection
 * fails, so a hub that was down loses messages unless it looks: this lists inbound messages through the REST API
 * (Messages resource, {@code DateSent>} the given instant, all pages) and turns each one the hub does not have into
 * the same events as the webhook (media downloaded, opt-out keywords honoured), one message at a time, so that the
 * caller commits them one by one and one bad message holds back none of the others.
 */
public final class TwilioReconciler {

    /**
     * An inbound message of the account's log that the hub lacks, as Twilio listed it.
     *
     * @param id     its MessageSid (for a record without one, a digest of its JSON)
     * @param sentAt when it was sent (created, when Twilio gives no send time; the listing's start when neither)
     * @param json   the message resource as Twilio sent it
     */
    public record Missed(String id, Instant sentAt, byte[] json) {

        /** The message resource as Twilio sent it, as it is kept aside when it cannot be imported. */
        public RawPayload raw() {
            return new RawPayload(CONTENT_TYPE, Map.of(), json);
        }
    }

    /** What a missed message kept aside is: its resource in the Messages listing. */
    public static final String CONTENT_TYPE = "application/json";

    private static final Logger log = LoggerFactory.getLogger(TwilioReconciler.class);

    private final TwilioRestClient client;
    private final TwilioMessageLog messageLog;
    private final TwilioInboundParser parser;
    private final List<String> ourNumbers;

    /**
     * @param ourNumbers the numbers whose inbound messages to list ({@code To=}), or empty for every message of the
     *                   account
     */
    public TwilioReconciler(TwilioRestClient client, TwilioInboundParser parser, List<String> ourNumbers) {
        this.client = client;
        this.messageLog = new TwilioMessageLog(client);
        this.parser = parser;
        this.ourNumbers = List.copyOf(ourNumbers);
    }

    /**
     * The inbound messages sent at or after {@code since} whose MessageSid the hub has not stored, oldest first, each
     * with its events (the message, then a reachability change for STOP/START) or why it can never be imported.
     *
     * @param isStored whether the hub already has an SMS with this MessageSid (checked before media are downloaded)
     * @throws IOException when Twilio cannot be listed now, or a message's media cannot be downloaded now
     */
    public List<FetchedPayload> missedSince(Instant since, Predicate<String> isStored) throws IOException {
        List<FetchedPayload> fetched = new ArrayList<>();
        for (Missed missed : missed(since, List.of(), isStored)) {
            fetched.add(fetched(missed));
        }
        return fetched;
    }

    /**
     * The inbound messages sent at or after {@code since}, to our numbers and to {@code alsoTo} (moot when the whole
     * account is listed), that the hub does not know, oldest first, each once.
     *
     * @param isKnown whether the hub already has this message ({@link Missed#id()}), stored or kept aside
     * @throws IOException when Twilio cannot be listed now; the next run tries again
     */
    public List<Missed> missed(Instant since, Collection<String> alsoTo, Predicate<String> isKnown) throws IOException {
        Set<String> numbers = new LinkedHashSet<>(ourNumbers);
        if (!numbers.isEmpty()) {
            numbers.addAll(alsoTo);
        }
        Map<String, Missed> missed = new LinkedHashMap<>();
        for (String number : numbers.isEmpty() ? Collections.<String>singletonList(null) : numbers) {
            for (TwilioMessageLog.Listed listed : messageLog.sentSince(since, number)) {
                JsonNode message = listed.message();
                if (!"inbound".equals(message.path("direction").asText())) {
                    continue;
                }
                String id = id(message, listed.json());
                Instant sentAt = sentAt(message);
                if ((sentAt == null || !sentAt.isBefore(since)) && !missed.containsKey(id) && !isKnown.test(id)) {
                    missed.put(id, new Missed(id, sentAt == null ? since : sentAt, listed.json()));
                }
            }
        }
        List<Missed> ordered = new ArrayList<>(missed.values());
        ordered.sort(Comparator.comparing(Missed::sentAt));
        if (!ordered.isEmpty()) {
            log.info("reconciliation found {} inbound SMS missed since {}", ordered.size(), since);
        }
        return ordered;
    }

    /**
     * One missed message with its events, as its webhook would have brought them, media downloaded; or, when it can
     * never be imported (no sender, another Twilio channel, unreadable), refused with the reason.
     *
     * @throws IOException when its media cannot be downloaded now: a passing failure
     */
    public FetchedPayload fetched(Missed missed) throws IOException {
        FetchedPayload fetched = FetchedPayload.parse(missed.raw(), raw -> events(missed));
        if (fetched.refused()) {
            log.warn("Twilio message {} found by reconciliation cannot be imported, keeping it aside: {}", missed.id(),
                    fetched.refusal());
        }
        return fetched;
    }

    /**
     * A missed message kept aside, read again from the resource Twilio sent.
     *
     * @param listedFrom when the listing that found it started: its time when the resource gives none
     */
    public Missed kept(RawPayload raw, Instant listedFrom) {
        JsonNode message;
        try {
            message = client.getObjectMapper().readTree(raw.body());
        } catch (IOException e) {
            message = null; // the parser refuses it again, with Twilio's words
        }
        Instant sentAt = message == null ? null : sentAt(message);
        return new Missed(message == null ? "sha256:" + sha256(raw.body()) : id(message, raw.body()),
                sentAt == null ? listedFrom : sentAt, raw.body());
    }

    private List<ChannelEvent> events(Missed missed) throws UnprocessablePayloadException, IOException {
        Message message;
        try {
            message = Message.fromJson(new String(missed.json(), StandardCharsets.UTF_8), client.getObjectMapper());
        } catch (TwilioException e) {
            throw new UnprocessablePayloadException("Twilio message " + missed.id() + " cannot be read: "
                    + e.getMessage());
        }
        return parser.parse(form(message), missed.sentAt());
    }

    private Map<String, List<String>> form(Message message) throws IOException, UnprocessablePayloadException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", message.getSid());
        form.put("From", message.getFrom() == null ? null : message.getFrom().toString());
        form.put("To", message.getTo());
        form.put("Body", message.getBody());
        int numMedia;
        try {
            numMedia = message.getNumMedia() == null ? 0 : Integer.parseInt(message.getNumMedia().strip());
        } catch (NumberFormatException e) {
            throw new UnprocessablePayloadException("Twilio message " + message.getSid() + " has num_media '"
                    + message.getNumMedia() + "'");
        }
        if (numMedia > 0) {
            int i = 0;
            try {
                for (Media media : Media.reader(message.getSid()).read(client)) {
                    String uri = media.getUri().replaceFirst("\\.json$", "");
                    form.put("MediaUrl" + i, TwilioApiHttpClient.TWILIO_API_ORIGIN + uri);
                    form.put("MediaContentType" + i, media.getContentType());
                    i++;
                }
            } catch (TwilioException e) {
                throw new IOException("listing media of Twilio message " + message.getSid() + " failed: "
                        + e.getMessage(), e);
            }
            numMedia = i;
        }
        form.put("NumMedia", Integer.toString(numMedia));
        return TwilioForm.of(form);
    }

    /** date_sent, else date_created (RFC 2822, as Twilio writes them), else null. */
    private static Instant sentAt(JsonNode message) {
        for (String field : List.of("date_sent", "date_created")) {
            String value = message.path(field).asText("");
            if (!value.isEmpty()) {
                try {
                    return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException e) {
                    log.debug("Twilio message {} has {} '{}'", message.path("sid").asText(), field, value);
                }
            }
        }
        return null;
    }

    /** Its MessageSid, or for a record without one, a digest of its JSON. */
    private static String id(JsonNode message, byte[] json) {
        String sid = message.path("sid").asText("");
        return sid.isEmpty() ? "sha256:" + sha256(json) : sid;
    }

    private static String sha256(byte[] json) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
